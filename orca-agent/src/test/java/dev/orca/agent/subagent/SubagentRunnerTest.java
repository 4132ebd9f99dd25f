package dev.orca.agent.subagent;

import static dev.orca.agent.subagent.Fixtures.FAST_RETRY;
import static dev.orca.agent.subagent.Fixtures.systemText;
import static dev.orca.agent.subagent.Fixtures.textAgent;
import static dev.orca.agent.subagent.Fixtures.userText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.TokenUsage;
import dev.orca.agent.subagent.Fixtures.RecordingAccounting;
import dev.orca.agent.subagent.internal.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SubagentRunnerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SubagentRegistry registry = SubagentRegistry.withBuiltIns();
  private final RecordingAccounting accounting = new RecordingAccounting();

  private SubagentRunner runner(ScriptedChatModel model) {
    return SubagentRunner.builder()
        .registry(registry)
        .models(ModelResolver.always(model))
        .accounting(accounting)
        .retry(FAST_RETRY)
        .build();
  }

  @Test
  void call_requestHoldsOnlySystemPromptAndData() {
    ScriptedChatModel model = ScriptedChatModel.answering("A short summary.");
    SubagentResult result = runner(model).call("summarizer", null, "Alice met Bob on Monday.");

    assertThat(result.text()).isEqualTo("A short summary.");
    ChatRequest request = model.requests().get(0);
    assertThat(request.messages()).hasSize(2);
    assertThat(request.messages().get(0)).isInstanceOf(SystemMessage.class);
    assertThat(systemText(request)).isEqualTo(registry.get("summarizer").systemPrompt());
    assertThat(request.messages().get(1)).isInstanceOf(UserMessage.class);
    assertThat(userText(request)).isEqualTo("Alice met Bob on Monday.");
    assertThat(request.maxOutputTokens()).isEqualTo(registry.get("summarizer").maxOutputTokens());
  }

  @Test
  void call_consecutiveCallsShareNoMessages() {
    ScriptedChatModel model = new ScriptedChatModel(r -> "ANSWER-" + userText(r).length());
    SubagentRunner runner = runner(model);
    runner.call("summarizer", null, "first secret document");
    runner.call("summarizer", null, "second document");

    ChatRequest second = model.requests().get(1);
    assertThat(second.messages()).hasSize(2);
    assertThat(second.messages().toString())
        .doesNotContain("first secret document")
        .doesNotContain("ANSWER-");
  }

  @Test
  void call_jsonDataWithoutText_sentAsCompactJson() throws Exception {
    ScriptedChatModel model = ScriptedChatModel.answering("ok");
    JsonNode data = JSON.readTree("{\"rows\": [1, 2, 3]}");
    runner(model).call("summarizer", data, null);
    assertThat(userText(model.requests().get(0))).isEqualTo("{\"rows\":[1,2,3]}");
  }

  @Test
  void call_noData_refusedWithoutSending() {
    ScriptedChatModel model = ScriptedChatModel.answering("never");
    assertThatThrownBy(() -> runner(model).call("summarizer", null, "  "))
        .isInstanceOf(SubagentException.class)
        .hasMessageContaining("no data");
    assertThat(model.requests()).isEmpty();
  }

  @Test
  void call_unknownAgent_refusedNamingKnownOnes() {
    ScriptedChatModel model = ScriptedChatModel.answering("never");
    assertThatThrownBy(() -> runner(model).call("sumariser", null, "x"))
        .isInstanceOf(SubagentException.class)
        .hasMessageContaining("No sub-agent named \"sumariser\"")
        .hasMessageContaining("summarizer");
    assertThat(accounting.calls)
        .singleElement()
        .extracting(SubagentCall::outcome)
        .isEqualTo(SubagentCall.Outcome.REFUSED);
  }

  @Test
  void call_overBudgetWithoutChunking_refusedBeforeSending() {
    registry.register(textAgent("strict", 400, Chunking.NONE));
    ScriptedChatModel model = ScriptedChatModel.answering("never");
    String big = "word ".repeat(2_000);

    assertThatThrownBy(() -> runner(model).call("strict", null, big))
        .isInstanceOf(SubagentException.class)
        .hasMessageContaining("refused the data before sending it")
        .hasMessageContaining("budget 400")
        .satisfies(
            e ->
                assertThat(((SubagentException) e).outcome())
                    .isEqualTo(SubagentCall.Outcome.REFUSED));
    assertThat(model.requests()).isEmpty();
    assertThat(accounting.calls.get(0).outcome()).isEqualTo(SubagentCall.Outcome.REFUSED);
  }

  @Test
  void call_bigTextMapReduce_summarisesChunksThenTheSummaries() {
    registry.register(textAgent("small_summarizer", 600, Chunking.MAP_REDUCE));
    ScriptedChatModel model =
        new ScriptedChatModel(
            r ->
                userText(r).startsWith("The input was too long")
                    ? "FINAL"
                    : "S" + userText(r).substring(5, 6));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("Paragraph ").append(i).append(": ").append("lorem ipsum ".repeat(20));
      text.append("\n\n");
    }
    SubagentResult result = runner(model).call("small_summarizer", null, text.toString());

    assertThat(result.text()).isEqualTo("FINAL");
    assertThat(result.chunks()).isGreaterThan(1);
    assertThat(model.requests()).hasSize(result.chunks() + 1);
    TokenCounter tokens = TokenCounter.get();
    for (ChatRequest request : model.requests()) {
      assertThat(tokens.count(request.messages(), List.of()) + 100).isLessThanOrEqualTo(600);
    }
    String merge = userText(model.requests().get(model.requests().size() - 1));
    assertThat(merge).contains("### Part 1").contains("### Part " + result.chunks());
  }

  @Test
  void call_tooManyChunks_refusedBeforeSending() {
    registry.register(textAgent("tiny", 300, Chunking.MAP_REDUCE));
    ScriptedChatModel model = ScriptedChatModel.answering("x");
    SubagentRunner runner =
        SubagentRunner.builder()
            .registry(registry)
            .models(ModelResolver.always(model))
            .maxChunks(3)
            .build();
    assertThatThrownBy(() -> runner.call("tiny", null, "lorem ipsum dolor\n".repeat(500)))
        .isInstanceOf(SubagentException.class)
        .hasMessageContaining("more than the limit of 3");
    assertThat(model.requests()).isEmpty();
  }

  @Test
  void call_concatJsonAgent_joinsArraysOfTheChunks() throws Exception {
    registry.register(
        new SubagentSpec(
            "extractor",
            "Extracts ids",
            "Return the ids as a JSON array.",
            "default",
            List.of(),
            500,
            100,
            OutputFormat.json(JSON.readTree("{\"type\":\"array\"}")),
            Chunking.CONCAT,
            "test"));
    ScriptedChatModel model =
        new ScriptedChatModel(r -> "[" + userText(r).split(" ")[1] + "]"); // "Part k of n ..."
    ArrayNode data = JSON.createArrayNode();
    for (int i = 0; i < 200; i++) {
      data.addObject().put("id", i).put("note", "some text to make the element longer");
    }
    SubagentResult result = runner(model).call("extractor", data, null);

    assertThat(result.chunks()).isGreaterThan(1);
    assertThat(result.result().isArray()).isTrue();
    assertThat(result.result().size()).isEqualTo(result.chunks());
    for (int k = 0; k < result.chunks(); k++) {
      assertThat(result.result().get(k).asInt()).isEqualTo(k + 1); // parts merged in order
    }
    // each chunk is a valid JSON array of whole elements
    String part =
        model.requests().stream()
            .map(Fixtures::userText)
            .filter(t -> t.startsWith("Part 1 of"))
            .findFirst()
            .orElseThrow();
    JsonNode chunk = JSON.readTree(part.substring(part.indexOf("\n\n") + 2));
    assertThat(chunk.isArray()).isTrue();
    assertThat(chunk.get(0).get("id").asInt()).isZero();
  }

  @Test
  void call_transientFailures_retriedThenSucceeds() {
    AtomicInteger attempts = new AtomicInteger();
    ScriptedChatModel model =
        new ScriptedChatModel(
            r -> {
              if (attempts.incrementAndGet() < 3) {
                throw new RateLimitException("429 slow down");
              }
              return "fine";
            });
    SubagentResult result = runner(model).call("summarizer", null, "data");
    assertThat(result.text()).isEqualTo("fine");
    assertThat(result.requests()).isEqualTo(3);
  }

  @Test
  void call_modelStaysUnavailable_clearErrorAfterRetries() {
    ScriptedChatModel model =
        new ScriptedChatModel(
            r -> {
              throw new InternalServerException("HTTP 503 overloaded");
            });
    assertThatThrownBy(() -> runner(model).call("summarizer", null, "data"))
        .isInstanceOf(SubagentException.class)
        .hasMessageContaining("Sub-agent 'summarizer' is unavailable")
        .hasMessageContaining("failed 3 attempts")
        .hasMessageContaining("503 overloaded")
        .hasMessageContaining("Carry on without this result")
        .satisfies(e -> assertThat(((SubagentException) e).retriable()).isTrue());
    assertThat(model.requests()).hasSize(3);
    SubagentCall call = accounting.calls.get(0);
    assertThat(call.outcome()).isEqualTo(SubagentCall.Outcome.UNAVAILABLE);
    assertThat(call.requests()).isEqualTo(3);
  }

  @Test
  void call_permanentFailure_notRetried() {
    ScriptedChatModel model =
        new ScriptedChatModel(
            r -> {
              throw new AuthenticationException("401 invalid key");
            });
    assertThatThrownBy(() -> runner(model).call("summarizer", null, "data"))
        .isInstanceOf(SubagentException.class)
        .hasMessageContaining("rejected the request")
        .satisfies(
            e ->
                assertThat(((SubagentException) e).outcome())
                    .isEqualTo(SubagentCall.Outcome.ERROR));
    assertThat(model.requests()).hasSize(1);
  }

  @Test
  void call_jsonAgent_invalidAnswerRepairedOnceInTheSameFreshContext() {
    AtomicInteger n = new AtomicInteger();
    ScriptedChatModel model =
        new ScriptedChatModel(
            r ->
                n.incrementAndGet() == 1
                    ? "Here are my findings: none really."
                    : "```json\n{\"issues\":[{\"severity\":\"minor\",\"line\":3,"
                        + "\"message\":\"m\",\"suggestion\":\"s\"}]}\n```");
    SubagentResult result = runner(model).call("code_reviewer", null, "public final class A {}");

    assertThat(result.result().path("issues").get(0).path("severity").asText()).isEqualTo("minor");
    assertThat(model.requests()).hasSize(2);
    assertThat(model.requests().get(1).messages()).hasSize(4);
    assertThat(systemText(model.requests().get(0))).contains("\"required\":[\"issues\"]");
  }

  @Test
  void call_jsonAgent_invalidTwice_clearError() {
    ScriptedChatModel model = ScriptedChatModel.answering("{\"wrong\": true}");
    assertThatThrownBy(() -> runner(model).call("code_reviewer", null, "class A {}"))
        .isInstanceOf(SubagentException.class)
        .hasMessageContaining("invalid answer twice")
        .hasMessageContaining("missing required property \"issues\"");
  }

  @Test
  void call_tokens_fromProviderUsageOrEstimated() {
    ScriptedChatModel withUsage = ScriptedChatModel.answering("abc").usage(new TokenUsage(120, 30));
    SubagentResult counted = runner(withUsage).call("summarizer", null, "data");
    assertThat(counted.inputTokens()).isEqualTo(120);
    assertThat(counted.outputTokens()).isEqualTo(30);
    assertThat(accounting.calls.get(0).tokensEstimated()).isFalse();

    ScriptedChatModel withoutUsage =
        ScriptedChatModel.answering("one two three").usage(new TokenUsage());
    SubagentResult estimated = runner(withoutUsage).call("summarizer", null, "data");
    assertThat(estimated.inputTokens())
        .isEqualTo(TokenCounter.get().count(withoutUsage.requests().get(0).messages(), List.of()));
    assertThat(estimated.outputTokens()).isEqualTo(TokenCounter.get().count("one two three"));
    assertThat(accounting.calls.get(1).tokensEstimated()).isTrue();
  }

  @Test
  void estimateRequestTokens_countsPromptAndData() {
    SubagentRunner runner = runner(ScriptedChatModel.answering("x"));
    String text = "hello world ".repeat(100);
    int estimate = runner.estimateRequestTokens("summarizer", null, text);
    int prompt = TokenCounter.get().count(registry.get("summarizer").systemPrompt());
    assertThat(estimate).isBetween(prompt + 200, prompt + 220);
  }

  @Test
  void map_eachItemOwnCall_failuresReportedPerItem_concurrencyBounded() {
    ScriptedChatModel model =
        new ScriptedChatModel(
                r -> {
                  String text = userText(r);
                  if (text.equals("item 7")) {
                    throw new InternalServerException("500 for item 7");
                  }
                  return "done " + text;
                })
            .delay(5);
    List<MapItem> items = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      items.add(MapItem.ofText("item " + i));
    }
    List<Integer> progress = new ArrayList<>();
    MapResult result =
        runner(model)
            .map(
                "summarizer",
                items,
                4,
                (item, done, total) -> {
                  synchronized (progress) {
                    progress.add(done);
                  }
                });

    assertThat(result.items()).hasSize(30);
    assertThat(result.failed()).isEqualTo(1);
    MapResult.Item failed = result.items().get(7);
    assertThat(failed.ok()).isFalse();
    assertThat(failed.error()).contains("unavailable").contains("500 for item 7");
    for (int i = 0; i < 30; i++) {
      if (i != 7) {
        assertThat(result.items().get(i).result()).isEqualTo(TextNode.valueOf("done item " + i));
      }
    }
    assertThat(model.maxInFlight()).isLessThanOrEqualTo(4).isGreaterThan(1);
    assertThat(progress).hasSize(30).contains(30);
    assertThat(accounting.calls).hasSize(30);
    for (ChatRequest request : model.requests()) {
      assertThat(request.messages()).hasSize(2);
    }
  }

  @Test
  void map_badConcurrency_refused() {
    SubagentRunner runner = runner(ScriptedChatModel.answering("x"));
    assertThatThrownBy(() -> runner.map("summarizer", List.of(), 0, null))
        .isInstanceOf(SubagentException.class)
        .hasMessageContaining("between 1 and 32");
  }
}
