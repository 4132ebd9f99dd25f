package dev.orca.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.orca.agent.bench.ScriptedChatModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationLogTest {
  private static final String MODEL_KEY = "cfg-model-key-0123456789";
  private static final String OPENAI_SHAPED = "sk-proj0123456789abcdefghij";

  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  private ConversationLog log() {
    return ConversationLog.in(dir.resolve("work"), List.of(MODEL_KEY), warnings::add);
  }

  private static List<ChatMessage> request(String question, String answer) {
    AiMessage call = ScriptedChatModel.code("int n = 3;");
    return List.of(
        UserMessage.from(question),
        call,
        ToolExecutionResultMessage.from(call.toolExecutionRequests().get(0), "ok, n = 3"),
        AiMessage.from(answer));
  }

  @Test
  void append_thenRead_givesBackTheMessagesInLangChain4jJson() throws Exception {
    ConversationLog log = log();
    log.append(request("how many?", "3"));
    log.append(List.of(SystemMessage.from("not kept"), UserMessage.from("thanks")));

    List<ChatMessage> read = log.read();

    assertThat(read).hasSize(5);
    assertThat(((UserMessage) read.get(0)).singleText()).isEqualTo("how many?");
    AiMessage call = (AiMessage) read.get(1);
    assertThat(call.toolExecutionRequests().get(0).name()).isEqualTo("execute_code");
    assertThat(call.toolExecutionRequests().get(0).arguments()).contains("int n = 3;");
    ToolExecutionResultMessage result = (ToolExecutionResultMessage) read.get(2);
    assertThat(result.id()).isEqualTo(call.toolExecutionRequests().get(0).id());
    assertThat(result.text()).isEqualTo("ok, n = 3");
    assertThat(((AiMessage) read.get(3)).text()).isEqualTo("3");
    assertThat(read.get(4)).isInstanceOf(UserMessage.class);
    assertThat(log.file()).isEqualTo(dir.resolve("work").resolve("conversation.jsonl"));
    assertThat(Files.readAllLines(log.file())).hasSize(5);
    assertThat(warnings).isEmpty();
  }

  @Test
  void secrets_areNeverWritten() throws Exception {
    ConversationLog log = log();
    AiMessage call =
        AiMessage.from(
            ScriptedChatModel.call(
                "execute_code", "{\"code\":\"var k = \\\"" + OPENAI_SHAPED + "\\\";\"}"));
    log.append(
        List.of(
            UserMessage.from("my key is " + MODEL_KEY + ", use it"),
            call,
            ToolExecutionResultMessage.from(
                call.toolExecutionRequests().get(0), "Authorization: Bearer abcdefghijklmnop1234"),
            AiMessage.from("done with " + OPENAI_SHAPED)));

    String text = Files.readString(log.file());
    assertThat(text)
        .doesNotContain(MODEL_KEY)
        .doesNotContain(OPENAI_SHAPED)
        .doesNotContain("abcdefghijklmnop1234")
        .contains("[REDACTED]");
    assertThat(log.read()).hasSize(4);
  }

  @Test
  void aTornLastLine_isSkipped() throws Exception {
    ConversationLog log = log();
    log.append(request("first", "one"));
    Files.writeString(log.file(), "{\"type\":\"USER\",\"cont", StandardOpenOption.APPEND);

    assertThat(log.read()).hasSize(4);
  }

  @Test
  void theFile_isBounded() throws Exception {
    ConversationLog log =
        new ConversationLog(dir.resolve("c.jsonl"), t -> t, 8 * 1024, warnings::add);
    for (int i = 0; i < 40; i++) {
      log.append(request("question " + i + " " + "x".repeat(200), "answer " + i));
    }
    log.append(List.of(UserMessage.from("y".repeat(ConversationLog.MAX_MESSAGE_CHARS + 500))));

    assertThat(Files.size(log.file())).isLessThanOrEqualTo(8 * 1024 + 20_000);
    List<ChatMessage> read = log.read();
    assertThat(read.get(0)).as("whole requests are kept").isInstanceOf(UserMessage.class);
    assertThat(((UserMessage) read.get(0)).singleText()).doesNotStartWith("question 0 ");
    String last = ((UserMessage) read.get(read.size() - 1)).singleText();
    assertThat(last).hasSizeLessThan(ConversationLog.MAX_MESSAGE_CHARS + 200).contains("cut");
  }
}
