package dev.orca.agent.subagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.agent.subagent.internal.TokenCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubagentRegistryTest {

  @Test
  void withBuiltIns_holdsTheFiveSeedAgents() {
    SubagentRegistry registry = SubagentRegistry.withBuiltIns();
    assertThat(registry.all())
        .extracting(SubagentSpec::name)
        .containsExactly(
            "agent_generator", "code_generator", "code_reviewer", "summarizer", "test_generator");
    for (SubagentSpec spec : registry.all()) {
      int prompt = TokenCounter.get().count(spec.systemPrompt());
      assertThat(prompt).as(spec.name()).isBetween(100, spec.tokenBudget() / 4);
      assertThat(spec.source()).isEqualTo(SubagentSpec.BUILT_IN);
    }
    assertThat(registry.get("code_reviewer").outputFormat()).isInstanceOf(OutputFormat.Json.class);
    assertThat(registry.get("summarizer").chunking()).isEqualTo(Chunking.MAP_REDUCE);
  }

  @Test
  void loadLearned_loadsValidAgentsAndReportsBrokenOnes(@TempDir Path dir) throws Exception {
    write(dir, "note_taker", "name = \"note_taker\"\npurpose = \"Takes notes.\"\n", "Take notes.");
    write(dir, "broken", "name = \"broken\"\n", "x");
    write(dir, "summarizer", "name = \"summarizer\"\npurpose = \"Mine.\"\n", "Shadow.");
    Files.createDirectories(dir.resolve("versions"));

    SubagentRegistry registry = SubagentRegistry.withBuiltIns();
    SubagentRegistry.LoadReport report = registry.loadLearned(dir);

    assertThat(report.loaded()).containsExactly("note_taker");
    assertThat(report.failed()).containsOnlyKeys("broken", "summarizer");
    assertThat(report.failed().get("broken")).contains("missing required key purpose");
    assertThat(report.failed().get("summarizer")).contains("may not replace the built-in");
    assertThat(registry.get("note_taker").source()).endsWith("note_taker");
    assertThat(registry.get("summarizer").source()).isEqualTo(SubagentSpec.BUILT_IN);
  }

  @Test
  void loadLearned_missingDirectory_loadsNothing(@TempDir Path dir) {
    SubagentRegistry.LoadReport report = new SubagentRegistry().loadLearned(dir.resolve("none"));
    assertThat(report.loaded()).isEmpty();
    assertThat(report.failed()).isEmpty();
  }

  @Test
  void register_tellsListeners() {
    SubagentRegistry registry = new SubagentRegistry();
    List<String> seen = new ArrayList<>();
    registry.onRegister(spec -> seen.add(spec.name()));
    registry.register(Fixtures.textAgent("alpha", 1000, Chunking.NONE));
    assertThat(seen).containsExactly("alpha");
    assertThatThrownBy(() -> registry.get("beta"))
        .hasMessageContaining("No sub-agent named \"beta\"")
        .hasMessageContaining("alpha");
  }

  @Test
  void spec_rejectsBadValues() {
    assertThatThrownBy(() -> Fixtures.textAgent("alpha", 100, Chunking.NONE))
        .hasMessageContaining("token budget 100 is out of range");
    assertThatThrownBy(
            () -> Fixtures.textAgent("alpha", 1000, Chunking.NONE).withBudget(1000, 1000))
        .hasMessageContaining("must be at least 16 and below the token budget");
    assertThatThrownBy(() -> Fixtures.textAgent("alpha", 1000, Chunking.NONE).withModel("gpt4"))
        .hasMessageContaining("use \"default\" or provider:name");
  }

  private static void write(Path dir, String name, String toml, String prompt) throws Exception {
    Path agent = Files.createDirectories(dir.resolve(name));
    Files.writeString(agent.resolve("agent.toml"), toml);
    Files.writeString(agent.resolve("prompts.md"), prompt);
  }
}
