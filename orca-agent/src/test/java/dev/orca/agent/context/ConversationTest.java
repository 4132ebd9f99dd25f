package dev.orca.agent.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.orca.agent.AgentTools;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TokenCounter counter = TokenCounter.o200k();

  private static void turn(Conversation c, int step, String code, String result) {
    ToolExecutionRequest call =
        ToolExecutionRequest.builder()
            .id("id" + step)
            .name("execute_code")
            .arguments(JSON.createObjectNode().put("code", code).toString())
            .build();
    c.addAi(AiMessage.from(call), step);
    c.addToolResult(ToolExecutionResultMessage.from(call, result), step);
  }

  @Test
  void estimateTokens_matchesAFullRecount() {
    Conversation c = new Conversation(counter, "system prompt", AgentTools.upfront(), 2_000);
    c.addUser("task", 1);
    for (int i = 1; i <= 30; i++) {
      turn(c, i, "var x" + i + " = " + i + ";", "ok (1 ms)\n" + "z ".repeat(100));
      c.compactIfNeeded(() -> "- x1 (int): 1");
      int full = counter.request(c.messages(), c.tools());
      assertThat(c.estimateTokens()).isBetween(full - 20, full + 20);
    }
    assertThat(c.compactions()).isPositive();
  }

  @Test
  void compactIfNeeded_doesNothingUnderBudget() {
    Conversation c = new Conversation(counter, "system", AgentTools.upfront(), 8_000);
    c.addUser("task", 1);
    turn(c, 1, "int a = 1;", "ok");
    assertThat(c.compactIfNeeded(() -> "")).isNull();
    assertThat(c.messages()).hasSize(4);
  }

  @Test
  void compactIfNeeded_summarisesStepsVariablesAndThePendingRequest() {
    Conversation c = new Conversation(counter, "system", AgentTools.upfront(), 1_500);
    c.addUser("Count the transcripts that mention refunds", 1);
    for (int i = 1; i <= 12; i++) {
      turn(
          c,
          i,
          "var part" + i + " = load(" + i + ");\nprintln(part" + i + ".size());",
          "ok\n" + "w ".repeat(150));
    }

    Compaction done = c.compactIfNeeded(() -> "- transcripts (List<String>): size 100");

    assertThat(done).isNotNull();
    assertThat(done.tokensAfter()).isLessThan(done.tokensBefore());
    List<ChatMessage> msgs = c.messages();
    assertThat(msgs.get(0)).isInstanceOf(SystemMessage.class);
    String head = ((UserMessage) msgs.get(1)).singleText();
    assertThat(head)
        .contains("step 11: execute_code `var part11 = load(11);")
        .contains("transcripts (List<String>): size 100")
        .contains("Count the transcripts that mention refunds");
    assertThat(msgs.get(2)).isInstanceOf(AiMessage.class);
    assertThat(msgs.get(msgs.size() - 1)).isInstanceOf(ToolExecutionResultMessage.class);
    assertThat(((ToolExecutionResultMessage) msgs.get(msgs.size() - 1)).id()).isEqualTo("id12");
  }

  @Test
  void compactIfNeeded_mergesSummaryIntoANewUserRequest() {
    Conversation c = new Conversation(counter, "system", AgentTools.upfront(), 1_500);
    c.addUser("first request", 1);
    for (int i = 1; i <= 10; i++) {
      turn(c, i, "step" + i + "();", "r ".repeat(150));
    }
    c.addAi(AiMessage.from("first answer"), 10);
    c.addUser("second request", 11);
    turn(c, 11, "more();", "r ".repeat(150));

    c.compactIfNeeded(() -> "(no variables)");

    List<ChatMessage> msgs = c.messages();
    long users = msgs.stream().filter(m -> m instanceof UserMessage).count();
    assertThat(users).isEqualTo(1);
    String head = ((UserMessage) msgs.get(1)).singleText();
    assertThat(head).contains("first request").contains("second request");
  }
}
