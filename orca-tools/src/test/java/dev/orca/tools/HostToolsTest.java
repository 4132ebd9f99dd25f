package dev.orca.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.orca.core.OrcaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostToolsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Host tools used by the tests. */
  public static final class Calculator {
    @Tool("Adds two integers")
    public int add(@P("first") int a, @P("second") int b) {
      return a + b;
    }

    @Tool("Greets someone by name")
    public String greet(@P("who to greet") String name) {
      return "hello " + name;
    }

    @Tool("Always fails")
    public String explode() {
      throw new IllegalStateException("boom");
    }

    public String notATool() {
      return "";
    }
  }

  @Test
  void from_turnsToolMethodsIntoSpecsWithSchemas() {
    List<RegisteredTool> tools = HostTools.from(new Calculator());
    assertThat(tools)
        .extracting(t -> t.spec().name())
        .containsExactlyInAnyOrder("add", "greet", "explode");
    ToolSpec add =
        tools.stream().filter(t -> t.spec().name().equals("add")).findFirst().orElseThrow().spec();
    assertThat(add.description()).isEqualTo("Adds two integers");
    assertThat(add.parameters().path("properties").path("a").path("type").asText())
        .isEqualTo("integer");
    assertThat(add.parameters().path("required").toString()).contains("a").contains("b");
    assertThat(add.kind()).isEqualTo(ToolKind.TOOL);
  }

  @Test
  void invoke_runsTheMethodThroughLangChain4j() throws Exception {
    ToolRegistry registry = ToolRegistry.create();
    HostTools.register(registry, new Calculator());
    assertThat(
            registry.resolve("add").invoker().invoke(JSON.readTree("{\"a\":2,\"b\":40}")).asInt())
        .isEqualTo(42);
    assertThat(
            registry
                .resolve("greet")
                .invoker()
                .invoke(JSON.readTree("{\"name\":\"Ada\"}"))
                .asText())
        .isEqualTo("hello Ada");
  }

  @Test
  void invoke_throwingToolBecomesOrcaException() {
    ToolRegistry registry = ToolRegistry.create();
    HostTools.register(registry, new Calculator());
    assertThatThrownBy(() -> registry.resolve("explode").invoker().invoke(JSON.createObjectNode()))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("explode")
        .hasMessageContaining("boom");
  }

  @Test
  void from_objectWithoutToolsIsRejected() {
    assertThatThrownBy(() -> HostTools.from(new Object()))
        .hasMessageContaining("no method annotated with @Tool");
  }
}
