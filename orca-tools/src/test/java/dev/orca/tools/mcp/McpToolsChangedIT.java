package dev.orca.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.testing.ChangingMcpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server's notifications/tools/list_changed refreshes its tools in the registry. */
class McpToolsChangedIT {

  @Test
  void toolsListChanged_newToolIsRegisteredAndCallable() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    McpServerConfig config =
        new McpServerConfig.Stdio(
            "changing",
            java,
            List.of(
                "-cp", System.getProperty("java.class.path"), ChangingMcpServer.class.getName()),
            Map.of(),
            Duration.ofSeconds(60));
    ToolRegistry registry = ToolRegistry.create();
    try (McpToolSource source =
        new McpToolSource(List.of(config), registry, null, Duration.ofSeconds(90))) {
      source.ensureStarted();
      assertThat(registry.get("changing::grow")).as(String.valueOf(source.status())).isPresent();
      assertThat(registry.get("changing::grown")).isEmpty();
      registry.resolve("changing::grow").invoker().invoke(JsonNodeFactory.instance.objectNode());
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (registry.get("changing::grown").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(registry.get("changing::grown")).isPresent();
      assertThat(
              registry
                  .resolve("grown")
                  .invoker()
                  .invoke(JsonNodeFactory.instance.objectNode())
                  .asText())
          .isEqualTo("grown!");
    }
  }
}
