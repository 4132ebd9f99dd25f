package dev.orca.agent.subagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubagentOverridesTest {

  @TempDir Path dir;

  @Test
  void apply_setsModelAndBudgetOfNamedAgents() throws Exception {
    Path config = dir.resolve("config.toml");
    Files.writeString(
        config,
        "[model]\nprovider = \"anthropic\"\n\n[subagents.summarizer]\n"
            + "model = \"anthropic:claude-3-5-haiku-latest\"\ntoken_budget = 6000\n"
            + "max_output_tokens = 500\n");
    SubagentRegistry registry = SubagentRegistry.withBuiltIns();

    assertThat(SubagentOverrides.apply(registry, config)).containsExactly("summarizer");

    SubagentSpec summarizer = registry.get("summarizer");
    assertThat(summarizer.model()).isEqualTo("anthropic:claude-3-5-haiku-latest");
    assertThat(summarizer.tokenBudget()).isEqualTo(6000);
    assertThat(summarizer.maxOutputTokens()).isEqualTo(500);
    assertThat(summarizer.systemPrompt()).isEqualTo(BuiltinSubagents.prompt("summarizer"));
    assertThat(registry.get("code_reviewer").model()).isEqualTo("default");
  }

  @Test
  void apply_missingFileOrTable_changesNothing() throws Exception {
    SubagentRegistry registry = SubagentRegistry.withBuiltIns();
    assertThat(SubagentOverrides.apply(registry, dir.resolve("none.toml"))).isEmpty();
    Path config = Files.writeString(dir.resolve("c.toml"), "[kernel]\nheap_mib = 512\n");
    assertThat(SubagentOverrides.apply(registry, config)).isEmpty();
  }

  @Test
  void apply_unknownAgentOrBadValue_configurationError() throws Exception {
    Path unknown =
        Files.writeString(dir.resolve("u.toml"), "[subagents.sumariser]\nmodel = \"x:y\"\n");
    assertThatThrownBy(() -> SubagentOverrides.apply(SubagentRegistry.withBuiltIns(), unknown))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("[subagents.sumariser] names no known sub-agent")
        .hasMessageContaining("summarizer");
    Path bad =
        Files.writeString(dir.resolve("b.toml"), "[subagents.summarizer]\nmodel = \"gpt\"\n");
    assertThatThrownBy(() -> SubagentOverrides.apply(SubagentRegistry.withBuiltIns(), bad))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("use \"default\" or provider:name");
  }
}
