package dev.orca.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.orca.agent.AgentListener;
import dev.orca.agent.AgentSession;
import dev.orca.agent.ModelClient;
import dev.orca.agent.bench.ScriptedChatModel;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.agent.provider.Provider;
import dev.orca.agent.provider.RetryPolicy;
import dev.orca.cli.OrcaRuntime;
import dev.orca.cli.sessions.SessionRequest;
import dev.orca.cli.testing.FakeKernel;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.HistoryStore;
import dev.orca.skills.session.SessionStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orca chat --session talk}, then {@code orca chat --resume talk}, as the chat command wires
 * them (runtime, agent session, conversation), with a scripted model in place of a provider.
 */
class ChatConversationTest {
  private static final String KEY = "cfg-secret-model-key-123456";
  private static final ModelSettings SETTINGS =
      new ModelSettings(
          Provider.ANTHROPIC,
          "claude-x",
          null,
          KEY,
          ModelSettings.DEFAULT_TIMEOUT,
          ModelSettings.DEFAULT_MAX_OUTPUT_TOKENS,
          RetryPolicy.DEFAULT);

  @TempDir Path home;
  private final List<String> warnings = new ArrayList<>();

  private OrcaRuntime runtime(SessionRequest request) {
    return OrcaRuntime.builder()
        .home(home)
        .env(Map.of())
        .kernelFactory(options -> new FakeKernel())
        .shutdownHook(false)
        .session(request.recordedByTheLoop())
        .build();
  }

  /** One chat process: opens the session like ChatCommand, asks, closes. */
  private Optional<String> chat(SessionRequest request, ScriptedChatModel model, String question) {
    PrintStream old = System.err;
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try (OrcaRuntime runtime = runtime(request)) {
      ChatConversation conversation = ChatConversation.of(runtime, SETTINGS, warnings::add);
      try (AgentSession session =
          runtime
              .agentSession(SETTINGS)
              .model(ModelClient.blocking(model, "anthropic", "claude-x"))
              .transcript(conversation)
              .build()) {
        Optional<String> restored = conversation.restoreInto(session.orchestrator());
        assertThat(session.ask(question, AgentListener.NONE).completed()).isTrue();
        return restored;
      }
    } finally {
      System.setErr(old);
    }
  }

  @Test
  void aResumedChat_sendsTheEarlierConversationToTheModel() throws Exception {
    ScriptedChatModel first =
        ScriptedChatModel.of(
            ScriptedChatModel.code("var rows = 3;"), ScriptedChatModel.answer("There are 3."));
    assertThat(chat(SessionRequest.of("chat", "talk"), first, "How many rows? Key: " + KEY))
        .as("nothing to restore in a new session")
        .isEmpty();

    Path file =
        home.resolve("learned_skills/sessions/talk").resolve(ChatConversationTest.FILE_NAME);
    assertThat(file).exists();
    assertThat(Files.readString(file)).doesNotContain(KEY).contains("[REDACTED]");

    ScriptedChatModel second = ScriptedChatModel.of(ScriptedChatModel.answer("Still 3."));
    Optional<String> note = chat(SessionRequest.resume("chat", "talk"), second, "And now?");

    assertThat(note)
        .hasValueSatisfying(
            n -> assertThat(n).startsWith("Restored 4 messages of the earlier conversation"));
    List<ChatMessage> sent = second.requests().get(0).messages();
    assertThat(sent).hasSize(1 + 4 + 1);
    assertThat(((UserMessage) sent.get(1)).singleText())
        .isEqualTo("How many rows? Key: [REDACTED]");
    assertThat(((UserMessage) sent.get(5)).singleText()).isEqualTo("And now?");
    assertThat(warnings).isEmpty();
  }

  @Test
  void historyRowsOfAChat_carryTheSessionName() {
    ScriptedChatModel model =
        ScriptedChatModel.of(
            ScriptedChatModel.code("int n = 1;"), ScriptedChatModel.answer("n is 1."));
    chat(SessionRequest.of("chat", "named"), model, "make n");

    try (HistoryStore history = HistoryStore.open(new OrcaHome(home))) {
      assertThat(history.executions("named"))
          .extracting(e -> e.value().code())
          .containsExactly("int n = 1;");
      assertThat(history.modelTurns("named")).hasSize(2);
      assertThat(history.sessions(10)).extracting(a -> a.sessionId()).containsExactly("named");
    }
  }

  @Test
  void aChatThatRanNoCode_stillLeavesAResumableSession() {
    ScriptedChatModel model = ScriptedChatModel.of(ScriptedChatModel.answer("Hello."));
    chat(SessionRequest.of("chat", "hello"), model, "Hi");

    SessionStore store =
        new SessionStore(home.resolve("learned_skills").resolve("sessions").toAbsolutePath());
    assertThat(store.exists("hello")).isTrue();
    ScriptedChatModel again = ScriptedChatModel.of(ScriptedChatModel.answer("Hi again."));
    assertThat(chat(SessionRequest.resume("chat", "hello"), again, "Still there?"))
        .hasValueSatisfying(n -> assertThat(n).startsWith("Restored 2 messages"));
  }

  private static final String FILE_NAME = dev.orca.agent.chat.ConversationLog.FILE;
}
