package dev.orca.agent.subagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.core.OrcaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTomlTest {

  private static final String TOML =
      """
      # name: sentiment_analyzer
      # version: 2
      # generator: anthropic:claude-sonnet-4-5
      name = "sentiment_analyzer"
      purpose = "Classifies the sentiment of customer reviews."
      model = "anthropic:claude-3-5-haiku-latest"
      tools = ["execute_code"]
      token_budget = 6000
      max_output_tokens = 800
      chunking = "concat"

      [output]
      format = "json"
      schema = '''{"type":"object","required":["sentiment"]}'''
      """;

  private static final String PROMPTS =
      """
      <!-- name: sentiment_analyzer, version 2 -->
      # sentiment_analyzer prompts

      ## System prompt
      You classify reviews as positive, negative or neutral.
      Reply with JSON only.

      ## Notes
      Not part of the prompt.
      """;

  @Test
  void parse_readsEveryField() {
    SubagentSpec spec = AgentToml.parse(TOML, PROMPTS, "agents/sentiment_analyzer");

    assertThat(spec.name()).isEqualTo("sentiment_analyzer");
    assertThat(spec.purpose()).startsWith("Classifies");
    assertThat(spec.model()).isEqualTo("anthropic:claude-3-5-haiku-latest");
    assertThat(spec.tools()).containsExactly("execute_code");
    assertThat(spec.runsCode()).isTrue();
    assertThat(spec.tokenBudget()).isEqualTo(6000);
    assertThat(spec.maxOutputTokens()).isEqualTo(800);
    assertThat(spec.chunking()).isEqualTo(Chunking.CONCAT);
    assertThat(spec.outputFormat()).isInstanceOf(OutputFormat.Json.class);
    assertThat(((OutputFormat.Json) spec.outputFormat()).schema().path("required").get(0).asText())
        .isEqualTo("sentiment");
    assertThat(spec.systemPrompt())
        .isEqualTo("You classify reviews as positive, negative or neutral.\nReply with JSON only.");
    assertThat(spec.source()).isEqualTo("agents/sentiment_analyzer");
  }

  @Test
  void parse_defaultsAndWholeFilePrompt() {
    SubagentSpec spec =
        AgentToml.parse(
            "name = \"notes\"\npurpose = \"Takes notes.\"\n",
            "<!-- header -->\nYou take notes.",
            "x");
    assertThat(spec.model()).isEqualTo("default");
    assertThat(spec.tools()).isEmpty();
    assertThat(spec.tokenBudget()).isEqualTo(AgentToml.DEFAULT_BUDGET);
    assertThat(spec.chunking()).isEqualTo(Chunking.NONE);
    assertThat(spec.outputFormat()).isInstanceOf(OutputFormat.Text.class);
    assertThat(spec.systemPrompt()).isEqualTo("You take notes.");
  }

  @Test
  void parse_invalidInput_clearMessages() {
    assertThatThrownBy(() -> AgentToml.parse("name = ", "p", "dir"))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("dir/agent.toml is not valid TOML");
    assertThatThrownBy(() -> AgentToml.parse("name = \"a_b\"", "p", "dir"))
        .hasMessageContaining("missing required key purpose");
    assertThatThrownBy(() -> AgentToml.parse("name = \"ab\"\npurpose = \"p\"", null, "dir"))
        .hasMessageContaining("no system prompt");
    assertThatThrownBy(
            () -> AgentToml.parse("name = \"ab\"\npurpose = \"p\"\nchunking = \"all\"", "p", "d"))
        .hasMessageContaining("use none, map_reduce or concat");
    assertThatThrownBy(
            () ->
                AgentToml.parse(
                    "name = \"ab\"\npurpose = \"p\"\n[output]\nformat = \"json\"\nschema = \"{\"",
                    "p",
                    "d"))
        .hasMessageContaining("output.schema is not valid JSON");
    assertThatThrownBy(() -> AgentToml.parse("name = \"Bad Name\"\npurpose = \"p\"", "p", "d"))
        .hasMessageContaining("sub-agent name 'Bad Name' is invalid");
  }

  @Test
  void render_roundTrips() {
    SubagentSpec spec = AgentToml.parse(TOML, PROMPTS, "src");
    SubagentSpec again = AgentToml.parse(AgentToml.render(spec), PROMPTS, "src");
    assertThat(again).isEqualTo(spec);
  }

  @Test
  void load_readsDirectoryAndChecksName(@TempDir Path dir) throws Exception {
    Path agent = Files.createDirectories(dir.resolve("sentiment_analyzer"));
    Files.writeString(agent.resolve("agent.toml"), TOML);
    Files.writeString(agent.resolve("prompts.md"), PROMPTS);
    assertThat(AgentToml.load(agent).name()).isEqualTo("sentiment_analyzer");

    Path other = Files.createDirectories(dir.resolve("other_name"));
    Files.writeString(other.resolve("agent.toml"), TOML);
    Files.writeString(other.resolve("prompts.md"), PROMPTS);
    assertThatThrownBy(() -> AgentToml.load(other))
        .hasMessageContaining("differs from its directory \"other_name\"");

    assertThatThrownBy(() -> AgentToml.load(Files.createDirectories(dir.resolve("empty"))))
        .hasMessageContaining("has no agent.toml");
  }

  @Test
  void builtIns_renderAndParseBack() {
    for (SubagentSpec spec : BuiltinSubagents.all()) {
      SubagentSpec again =
          AgentToml.parse(
              AgentToml.render(spec), "## System prompt\n" + spec.systemPrompt(), spec.source());
      assertThat(again).isEqualTo(spec);
    }
    assertThat(List.of()).isEmpty();
  }
}
