package dev.orca.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetaToolsTest {

  @Test
  void upfront_isExecuteCodeAndSearchToolsWithDesignArguments() {
    assertThat(MetaTools.upfront())
        .extracting(ToolSpec::name)
        .containsExactly("execute_code", "search_tools");
    assertThat(MetaTools.EXECUTE_CODE.parameters().path("properties").has("code")).isTrue();
    assertThat(MetaTools.EXECUTE_CODE.parameters().path("properties").has("timeout_seconds"))
        .isTrue();
    assertThat(MetaTools.SEARCH_TOOLS.parameters().path("properties").has("query")).isTrue();
    assertThat(MetaTools.SEARCH_TOOLS.parameters().path("properties").has("limit")).isTrue();
  }

  @Test
  void all_coversEveryMetaToolOfTheDesignWithAKernelSignature() {
    assertThat(MetaTools.all())
        .extracting(ToolSpec::name)
        .contains(
            "list_variables",
            "inspect_variable",
            "call_subagent",
            "generate_function",
            "generate_subagent",
            "generate_tests",
            "review_generated_code",
            "save_session_state",
            "load_session_state",
            "analyze_history");
    assertThat(MetaTools.all()).allMatch(s -> s.kind() == ToolKind.META);
    assertThat(MetaTools.all()).allMatch(s -> MetaTools.KERNEL_SIGNATURES.containsKey(s.name()));
  }

  @Test
  void definitionJson_isTheCompactMcpShape() {
    String json = MetaTools.definitionJson(MetaTools.SEARCH_TOOLS);
    assertThat(json)
        .startsWith("{\"name\":\"search_tools\",\"description\":")
        .contains("\"input_schema\":{");
  }

  @Test
  void systemPrompt_hasNoPlaceholders() {
    assertThat(OrcaPrompts.SYSTEM)
        .doesNotContain("{{")
        .doesNotContain("TODO")
        .contains("search_tools")
        .contains("execute_code");
  }
}
