package dev.orca.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.agent.bench.ScriptedChatModel;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.agent.provider.Provider;
import dev.orca.agent.provider.RetryPolicy;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.HistoryStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows an agent session writes to history.db carry the id it was given. */
class AgentSessionTest {
  @TempDir Path dir;

  private static final ModelSettings SETTINGS =
      new ModelSettings(
          Provider.ANTHROPIC,
          "claude-x",
          null,
          null,
          ModelSettings.DEFAULT_TIMEOUT,
          ModelSettings.DEFAULT_MAX_OUTPUT_TOKENS,
          RetryPolicy.DEFAULT);

  private static ModelClient scripted() {
    return ModelClient.blocking(
        ScriptedChatModel.of(
            ScriptedChatModel.code("int n = 3;"), ScriptedChatModel.answer("n is 3")),
        "anthropic",
        "claude-x");
  }

  @Test
  void sessionId_isTheIdOfEveryHistoryRow() {
    OrcaHome home = new OrcaHome(dir).create();
    try (AgentSession s =
        AgentSession.builder(home, SETTINGS)
            .sessionId("work")
            .kernel(FakeKernel.echo())
            .model(scripted())
            .build()) {
      assertThat(s.sessionId()).isEqualTo("work");
      assertThat(s.ask("compute n", AgentListener.NONE).completed()).isTrue();
    }
    try (HistoryStore history = HistoryStore.open(home)) {
      assertThat(history.executions("work"))
          .extracting(e -> e.value().code())
          .containsExactly("int n = 3;");
      assertThat(history.modelTurns("work")).hasSize(2);
      assertThat(history.sessions(10)).extracting(a -> a.sessionId()).containsExactly("work");
    }
  }

  @Test
  void withoutAnId_oneIsGenerated() {
    OrcaHome home = new OrcaHome(dir).create();
    try (AgentSession s =
        AgentSession.builder(home, SETTINGS).kernel(FakeKernel.echo()).model(scripted()).build()) {
      assertThat(s.sessionId()).matches("\\d{8}-\\d{6}-[0-9a-f]{4}");
    }
  }
}
