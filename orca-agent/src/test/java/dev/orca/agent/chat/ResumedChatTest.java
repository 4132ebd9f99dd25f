package dev.orca.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.orca.agent.AgentConfig;
import dev.orca.agent.AgentListener;
import dev.orca.agent.FakeKernel;
import dev.orca.agent.ModelClient;
import dev.orca.agent.Orchestrator;
import dev.orca.agent.bench.ScriptedChatModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chat's conversation is kept per request and sent to the model again after a resume. */
class ResumedChatTest {
  @TempDir Path dir;

  private ConversationLog log() {
    return ConversationLog.in(dir, List.of(), w -> {});
  }

  private static Orchestrator chat(ScriptedChatModel model, ConversationLog log, AgentConfig c) {
    return Orchestrator.builder()
        .model(ModelClient.blocking(model, "anthropic", "claude-x"))
        .kernel(FakeKernel.echo())
        .config(c)
        .transcript(log)
        .build();
  }

  private static List<String> texts(List<ChatMessage> messages) {
    List<String> out = new ArrayList<>();
    for (ChatMessage m : messages) {
      if (m instanceof UserMessage u) {
        out.add("user: " + u.singleText());
      } else if (m instanceof AiMessage a) {
        out.add(
            a.hasToolExecutionRequests()
                ? "call: " + a.toolExecutionRequests().get(0).name()
                : "ai: " + a.text());
      } else if (m instanceof ToolExecutionResultMessage) {
        out.add("result");
      } else if (m instanceof SystemMessage) {
        out.add("system");
      }
    }
    return out;
  }

  @Test
  void aResumedChat_sendsTheEarlierMessagesToTheModel() {
    ScriptedChatModel first =
        ScriptedChatModel.of(
            ScriptedChatModel.code("var rows = List.of(1, 2, 3);"),
            ScriptedChatModel.answer("There are 3 rows."));
    chat(first, log(), AgentConfig.DEFAULTS).ask("how many rows?", AgentListener.NONE);
    assertThat(log().read()).as("kept after the request").hasSize(4);

    ScriptedChatModel second = ScriptedChatModel.of(ScriptedChatModel.answer("Still 3."));
    Orchestrator resumed = chat(second, log(), AgentConfig.DEFAULTS);
    assertThat(resumed.restore(log().read())).isEqualTo(4);
    resumed.ask("and now?", AgentListener.NONE);

    assertThat(texts(second.requests().get(0).messages()))
        .containsExactly(
            "system",
            "user: how many rows?",
            "call: execute_code",
            "result",
            "ai: There are 3 rows.",
            "user: and now?");
    assertThat(log().read()).hasSize(6);
    assertThatThrownBy(() -> resumed.restore(log().read()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void restore_isBoundedByTheContextWindowAndKeepsWholeRequests() {
    ConversationLog log = log();
    for (int i = 0; i < 60; i++) {
      AiMessage call = ScriptedChatModel.code("int x" + i + " = " + i + ";");
      log.append(
          List.of(
              UserMessage.from("request " + i + ": " + "please compute something ".repeat(10)),
              call,
              ToolExecutionResultMessage.from(call.toolExecutionRequests().get(0), "ok " + i),
              AiMessage.from("answer " + i)));
    }
    ScriptedChatModel model = ScriptedChatModel.of(ScriptedChatModel.answer("ok"));
    Orchestrator resumed = chat(model, log, AgentConfig.DEFAULTS.withContextBudget(2_000));

    int restored = resumed.restore(log.read());

    assertThat(restored).isGreaterThan(0).isLessThan(240).isEqualTo(restored / 4 * 4);
    resumed.ask("next", AgentListener.NONE);
    List<String> sent = texts(model.requests().get(0).messages());
    assertThat(sent.get(1)).startsWith("user: request ");
    assertThat(sent).contains("ai: answer 59").doesNotContain("ai: answer 0");
    assertThat(model.requests().get(0).messages()).hasSize(1 + restored + 1);
  }

  @Test
  void restore_dropsAToolCallWithoutItsResult() {
    AiMessage call = ScriptedChatModel.code("1 + 1");
    List<ChatMessage> damaged =
        List.of(
            UserMessage.from("first"),
            AiMessage.from("fine"),
            UserMessage.from("second"),
            call); // its result was lost with the process
    ScriptedChatModel model = ScriptedChatModel.of(ScriptedChatModel.answer("ok"));
    Orchestrator resumed = chat(model, log(), AgentConfig.DEFAULTS);

    assertThat(resumed.restore(damaged)).isEqualTo(3);
    resumed.ask("third", AgentListener.NONE);
    assertThat(texts(model.requests().get(0).messages()))
        .containsExactly("system", "user: first", "ai: fine", "user: second", "user: third");
  }
}
