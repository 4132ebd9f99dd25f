package dev.orca.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.orca.core.OrcaException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {

  private static ToolSpec tool(String server, String name) {
    return ToolSpec.of(server, name, "does " + name, null, ToolKind.TOOL);
  }

  @Test
  void resolve_findsByIdShortNameAndStubName() {
    ToolRegistry registry = ToolRegistry.create();
    registry.register(tool("github", "create_pull_request"), a -> TextNode.valueOf("pr"));
    assertThat(registry.resolve("github::create_pull_request").spec().name())
        .isEqualTo("create_pull_request");
    assertThat(registry.resolve("create_pull_request").spec().id())
        .isEqualTo("github::create_pull_request");
    assertThat(registry.resolve("github_create_pull_request").spec().id())
        .isEqualTo("github::create_pull_request");
  }

  @Test
  void resolve_ambiguousOrUnknownNameFailsWithCandidates() {
    ToolRegistry registry = ToolRegistry.create();
    registry.registerSpec(tool("a", "search"));
    registry.registerSpec(tool("b", "search"));
    assertThatThrownBy(() -> registry.resolve("search"))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("ambiguous")
        .hasMessageContaining("a::search")
        .hasMessageContaining("b::search");
    assertThatThrownBy(() -> registry.resolve("nope"))
        .hasMessageContaining("Unknown tool 'nope'")
        .hasMessageContaining("searchTools");
  }

  @Test
  void listener_seesExistingToolsThenEveryChange() throws Exception {
    ToolRegistry registry = ToolRegistry.create();
    registry.registerSpec(tool("s", "one"));
    List<String> events = new ArrayList<>();
    AutoCloseable sub =
        registry.addListener(
            (added, removed) ->
                events.add("+" + added.stream().map(ToolSpec::id).toList() + " -" + removed));
    registry.registerSpec(tool("s", "two"));
    registry.registerSpec(tool("t", "three"));
    assertThat(registry.removeServer("s")).isEqualTo(2);
    sub.close();
    registry.remove("t::three");
    assertThat(events)
        .containsExactly(
            "+[s::one] -[]", "+[s::two] -[]", "+[t::three] -[]", "+[] -[s::one, s::two]");
    assertThat(registry.size()).isZero();
  }

  @Test
  void registerSpec_callingADiscoveryOnlyToolFailsClearly() {
    ToolRegistry registry = ToolRegistry.create();
    MetaTools.registerAll(registry);
    assertThatThrownBy(() -> registry.resolve("execute_code").invoker().invoke(null))
        .hasMessageContaining("meta-tool");
    assertThat(registry.size()).isEqualTo(MetaTools.all().size());
  }

  @Test
  void toolSpec_rejectsBadInput() {
    assertThatThrownBy(() -> ToolSpec.of("s", " ", "d", null, ToolKind.TOOL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ToolSpec.of("s", "n", "d", TextNode.valueOf("not a schema"), ToolKind.TOOL))
        .hasMessageContaining("JSON Schema object");
    assertThat(tool("srv", "x").shortName()).isEqualTo("x");
  }
}
