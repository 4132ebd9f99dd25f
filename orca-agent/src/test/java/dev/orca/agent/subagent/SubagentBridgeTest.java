package dev.orca.agent.subagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.output.TokenUsage;
import dev.orca.core.OrcaException;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.Outcome;
import dev.orca.core.history.SecretRedactor;
import dev.orca.core.history.Stored;
import dev.orca.core.history.SubagentCallRecord;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.bridge.BridgeRouter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubagentBridgeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScriptedChatModel model =
      new ScriptedChatModel(
              r -> {
                String text = Fixtures.userText(r);
                if (text.contains("FAIL")) {
                  throw new InternalServerException("500 planted");
                }
                return "summary(" + text + ")";
              })
          .usage(new TokenUsage(10, 5));
  private final SubagentRunner runner =
      SubagentRunner.builder()
          .registry(SubagentRegistry.withBuiltIns())
          .models(ModelResolver.always(model))
          .retry(Fixtures.FAST_RETRY)
          .build();

  @Test
  void callSubagent_throughRouter_returnsResultAndTokens() throws Exception {
    try (BridgeRouter router = new BridgeRouter()) {
      SubagentBridge.register(router, runner);
      JsonNode out =
          router.call(
              "callSubagent",
              JSON.readTree(
                  "{\"name\":\"summarizer\",\"variableName\":\"doc\",\"data\":\"abc\","
                      + "\"text\":\"abc\"}"));
      assertThat(out.path("result").asText()).isEqualTo("summary(abc)");
      assertThat(out.path("tokens").asInt()).isEqualTo(15);
    }
  }

  @Test
  void callSubagent_failures_becomeOrcaExceptionsWithTheRunnersMessage() throws Exception {
    try (BridgeRouter router = new BridgeRouter()) {
      SubagentBridge.register(router, runner);
      assertThatThrownBy(
              () ->
                  router.call(
                      "callSubagent",
                      JSON.readTree(
                          "{\"name\":\"summarizer\",\"variableName\":\"v\",\"text\":\"FAIL\"}")))
          .isInstanceOf(OrcaException.class)
          .hasMessageContaining("Sub-agent 'summarizer' is unavailable");
      assertThatThrownBy(
              () ->
                  router.call(
                      "callSubagent",
                      JSON.readTree(
                          "{\"name\":\"summarizer\",\"variableName\":\"v\",\"data\":null}")))
          .hasMessageContaining("callSubagent(\"summarizer\", \"v\"): the variable is null");
      assertThatThrownBy(() -> router.call("callSubagent", JSON.readTree("{}")))
          .hasMessageContaining("needs the sub-agent's name");
    }
  }

  @Test
  void mapSubagent_throughRouter_perItemResultsAndErrors() throws Exception {
    try (BridgeRouter router = new BridgeRouter()) {
      SubagentBridge.register(router, runner);
      JsonNode out =
          router.call(
              "mapSubagent",
              JSON.readTree(
                  "{\"name\":\"summarizer\",\"listVariableName\":\"docs\",\"concurrency\":2,"
                      + "\"items\":[{\"data\":\"a\",\"text\":\"a\"},{\"data\":\"FAIL\",\"text\":\"FAIL\"},"
                      + "{\"data\":{\"k\":1}}]}"));
      JsonNode results = out.path("results");
      assertThat(results).hasSize(3);
      assertThat(results.get(0).path("ok").asBoolean()).isTrue();
      assertThat(results.get(0).path("result").asText()).isEqualTo("summary(a)");
      assertThat(results.get(1).path("ok").asBoolean()).isFalse();
      assertThat(results.get(1).path("index").asInt()).isEqualTo(1);
      assertThat(results.get(1).path("error").asText()).contains("500 planted");
      assertThat(results.get(1).has("result")).isFalse();
      assertThat(results.get(2).path("result").asText()).isEqualTo("summary({\"k\":1})");
      assertThat(out.path("tokens").asInt()).isEqualTo(30);
    }
  }

  @Test
  void mapSubagent_notAList_clearError() throws Exception {
    try (BridgeRouter router = new BridgeRouter()) {
      SubagentBridge.register(router, runner);
      assertThatThrownBy(
              () ->
                  router.call(
                      "mapSubagent",
                      JSON.readTree(
                          "{\"name\":\"summarizer\",\"listVariableName\":\"x\",\"items\":5}")))
          .hasMessageContaining("the variable is not a list");
    }
  }

  @Test
  void catalog_publishesAgentsAsSearchableToolsOfKindAgent() throws Exception {
    SubagentRegistry agents = SubagentRegistry.withBuiltIns();
    ToolRegistry tools = ToolRegistry.create();
    SubagentRunner r =
        SubagentRunner.builder().registry(agents).models(ModelResolver.always(model)).build();
    SubagentCatalog.publish(agents, tools, r);

    assertThat(tools.specs())
        .filteredOn(spec -> spec.kind() == ToolKind.AGENT)
        .extracting(ToolSpec::name)
        .containsExactlyInAnyOrder(
            "summarizer", "code_generator", "test_generator", "code_reviewer", "agent_generator");
    assertThat(tools.resolve("summarizer").spec().description())
        .contains("callSubagent(\"summarizer\", \"variableName\")");

    agents.register(Fixtures.textAgent("late_agent", 1000, Chunking.NONE));
    assertThat(tools.resolve("late_agent").spec().kind()).isEqualTo(ToolKind.AGENT);

    JsonNode out =
        tools.resolve("summarizer").invoker().invoke(JSON.readTree("{\"data\":\"hello\"}"));
    assertThat(out.path("result").asText()).isEqualTo("summary(hello)");
  }

  @Test
  void historyAccounting_recordsTokensLatencyAndOutcome() {
    try (HistoryStore store = HistoryStore.inMemory(new SecretRedactor(java.util.Map.of()))) {
      SubagentRunner r =
          SubagentRunner.builder()
              .registry(SubagentRegistry.withBuiltIns())
              .models(ModelResolver.always(model))
              .retry(Fixtures.FAST_RETRY)
              .accounting(new HistorySubagentAccounting(store, "s1"))
              .build();
      r.call("summarizer", null, "fine");
      assertThatThrownBy(() -> r.call("summarizer", null, "FAIL"));
      assertThatThrownBy(() -> r.call("nobody", null, "x"));

      List<Stored<SubagentCallRecord>> calls = store.subagentCalls("s1");
      assertThat(calls).hasSize(3);
      SubagentCallRecord ok = calls.get(0).value();
      assertThat(ok.name()).isEqualTo("summarizer");
      assertThat(ok.inputTokens()).isEqualTo(10);
      assertThat(ok.outputTokens()).isEqualTo(5);
      assertThat(ok.outcome()).isEqualTo(Outcome.OK);
      assertThat(calls.get(1).value().outcome()).isEqualTo(Outcome.ERROR);
      assertThat(calls.get(1).value().error()).contains("unavailable");
      assertThat(calls.get(2).value().outcome()).isEqualTo(Outcome.REFUSED);
    }
  }
}
