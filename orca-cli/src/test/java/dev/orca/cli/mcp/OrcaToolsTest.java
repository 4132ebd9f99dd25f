package dev.orca.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.cli.testing.FakeKernel;
import dev.orca.core.OrcaException;
import dev.orca.kernel.KernelBridge;
import dev.orca.kernel.VariableInfo;
import dev.orca.skills.session.SnapshotJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrcaToolsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FakeKernel kernel = new FakeKernel();
  private final List<String> bridgeCalls = new ArrayList<>();

  private OrcaTools tools(KernelBridge bridge) {
    return new OrcaTools(() -> kernel, bridge, Duration.ofSeconds(30));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> error(ToolAnswer a) {
    return (Map<String, Object>) a.structured().get("error");
  }

  @Test
  void listed_defaultTwoOrAll() {
    assertThat(OrcaTools.listed(false))
        .extracting(t -> t.name())
        .containsExactly("execute_code", "search_tools");
    assertThat(OrcaTools.listed(true)).hasSize(12);
  }

  @Test
  void executeCode_runsInKernelWithDefaultTimeout() {
    ToolAnswer a = tools(KernelBridge.NONE).call("execute_code", Map.of("code", " 1 + 1 "));
    assertThat(a.error()).isFalse();
    assertThat(kernel.executed).containsExactly(" 1 + 1 ");
    assertThat(kernel.timeouts).containsExactly(Duration.ofSeconds(30));
    assertThat(a.structured()).containsEntry("value", "1 + 1");
  }

  @Test
  void executeCode_timeoutIsClampedTo60() {
    ToolAnswer a =
        tools(KernelBridge.NONE).call("execute_code", Map.of("code", "x", "timeout_seconds", 600));
    assertThat(kernel.timeouts).containsExactly(Duration.ofSeconds(60));
    assertThat(a.text()).contains("lowered to the maximum, 60");
  }

  @Test
  void executeCode_emptyCodeIsAnErrorWithTheSameFields() {
    for (Map<String, Object> args :
        List.<Map<String, Object>>of(Map.of(), Map.of("code", "  \n"))) {
      ToolAnswer a = tools(KernelBridge.NONE).call("execute_code", args);
      assertThat(a.error()).isTrue();
      assertThat(a.structured())
          .containsKeys(
              "stdout", "stderr", "value", "value_type", "error", "duration_ms", "truncated");
      assertThat((String) error(a).get("message")).contains("'code'");
    }
    assertThat(kernel.executed).isEmpty();
  }

  @Test
  void executeCode_hugeCellIsRefusedBeforeTheKernel() {
    String big = "x".repeat(5 * 1024 * 1024);
    ToolAnswer a = tools(KernelBridge.NONE).call("execute_code", Map.of("code", big));
    assertThat(a.error()).isTrue();
    assertThat((String) error(a).get("message")).contains("5242880").contains("Split");
    assertThat(kernel.executed).isEmpty();
  }

  @Test
  void executeCode_badTimeoutIsAnError() {
    ToolAnswer a =
        tools(KernelBridge.NONE)
            .call("execute_code", Map.of("code", "1", "timeout_seconds", "soon"));
    assertThat(a.error()).isTrue();
    assertThat((String) error(a).get("message"))
        .contains("timeout_seconds")
        .contains("whole number");
    ToolAnswer zero =
        tools(KernelBridge.NONE).call("execute_code", Map.of("code", "1", "timeout_seconds", 0));
    assertThat((String) error(zero).get("message")).contains("at least 1");
  }

  @Test
  void listVariables_andInspect() {
    kernel.variables.put("xs", new VariableInfo("xs", "List<Integer>", "3 elements"));
    ToolAnswer list = tools(KernelBridge.NONE).call("list_variables", null);
    assertThat(list.structured().get("variables"))
        .isEqualTo(List.of(Map.of("name", "xs", "type", "List<Integer>", "summary", "3 elements")));
    ToolAnswer in = tools(KernelBridge.NONE).call("inspect_variable", Map.of("name", "xs"));
    assertThat(in.structured())
        .containsEntry("name", "xs")
        .containsEntry("type", "List<Integer>")
        .containsEntry("summary", "inspected 3 elements");
  }

  @Test
  void inspect_unknownVariableIsAnErrorWithFields() {
    ToolAnswer a = tools(KernelBridge.NONE).call("inspect_variable", Map.of("name", "nope"));
    assertThat(a.error()).isTrue();
    assertThat(a.structured()).containsKeys("name", "type", "summary", "error");
    assertThat((String) error(a).get("message")).contains("nope");
  }

  @Test
  void routedTools_withoutBridgeSayNotAvailableYet() {
    for (String tool :
        List.of(
            "call_subagent",
            "generate_function",
            "generate_subagent",
            "generate_tests",
            "review_generated_code",
            "save_session_state",
            "load_session_state",
            "analyze_history")) {
      Map<String, Object> args =
          Map.of(
              "name", "n",
              "variable_name", "v",
              "description", "d",
              "purpose", "p",
              "path", "f.java");
      ToolAnswer a = tools(KernelBridge.NONE).call(tool, args);
      assertThat(a.error()).as(tool).isTrue();
      assertThat((String) error(a).get("message")).as(tool).contains("not available yet");
    }
  }

  @Test
  void routedTools_onARouterWithoutTheirHandlerSayNotAvailableYet() {
    try (dev.orca.tools.bridge.BridgeRouter router = new dev.orca.tools.bridge.BridgeRouter()) {
      router.register(
          "generateFunction", args -> JSON.createObjectNode().put("path", "f/Add.java"));
      ToolAnswer missing = tools(router).call("generate_tests", Map.of("path", "f/Add.java"));
      assertThat(missing.error()).isTrue();
      assertThat((String) error(missing).get("message")).contains("not available yet");
      ToolAnswer present =
          tools(router).call("generate_function", Map.of("name", "add", "description", "adds"));
      assertThat(present.error()).as(present.text()).isFalse();
      assertThat(present.structured()).containsEntry("path", "f/Add.java");
      ToolAnswer search = tools(router).call("search_tools", Map.of("query", "run java code"));
      assertThat(search.text()).contains("execute_code");
    }
  }

  @Test
  void routedTools_passTheHandlersAnswerThrough() {
    KernelBridge bridge =
        (method, args) -> {
          bridgeCalls.add(method + " " + args);
          return JSON.createObjectNode().put("path", "f/X.java").put("version", 2);
        };
    ToolAnswer a =
        tools(bridge)
            .call(
                "generate_function",
                Map.of("name", "add", "description", "adds", "examples", List.of("1,2 -> 3")));
    assertThat(a.error()).isFalse();
    assertThat(a.structured())
        .containsEntry("path", "f/X.java")
        .containsEntry("version", 2)
        .containsKeys("review", "tests");
    assertThat(bridgeCalls)
        .containsExactly(
            "generateFunction {\"name\":\"add\",\"description\":\"adds\",\"examples\":[\"1,2 -> 3\"]}");
  }

  @Test
  void routedTools_handlerFailureBecomesAnError() {
    KernelBridge bridge =
        (method, args) -> {
          throw OrcaException.invalid("no model configured");
        };
    ToolAnswer a = tools(bridge).call("analyze_history", Map.of("limit", 5));
    assertThat(a.error()).isTrue();
    assertThat((String) error(a).get("message")).isEqualTo("no model configured");
    assertThat(a.structured()).containsKeys("patterns", "savings");
  }

  @Test
  void callSubagent_sendsVariableAndStoresTheAnswer() {
    kernel.variables.put("doc", new VariableInfo("doc", "String", "a long text"));
    List<JsonNode> sent = new ArrayList<>();
    KernelBridge bridge =
        (method, args) -> {
          sent.add(args);
          return JSON.createObjectNode().put("result", "short \"summary\"\n").put("tokens", 120);
        };
    ToolAnswer a =
        tools(bridge).call("call_subagent", Map.of("name", "summarizer", "variable_name", "doc"));
    assertThat(a.error()).as(a.text()).isFalse();
    assertThat(a.structured())
        .containsEntry("result_variable", "summarizerResult")
        .containsEntry("preview", "short \"summary\"\n")
        .containsEntry("tokens", 120L);
    assertThat(sent.get(0).get("variableName").asText()).isEqualTo("doc");
    assertThat(sent.get(0).get("data").asText()).isEqualTo("a long text");
    assertThat(kernel.executed)
        .containsExactly("String summarizerResult = \"short \\\"summary\\\"\\n\";");
  }

  @Test
  void saveSession_sendsTheSnapshotAsJson() {
    kernel.variables.put("x", new VariableInfo("x", "int", "3"));
    List<JsonNode> sent = new ArrayList<>();
    KernelBridge bridge =
        (method, args) -> {
          sent.add(args);
          return JSON.createObjectNode().put("path", "sessions/s1.json");
        };
    ToolAnswer a = tools(bridge).call("save_session_state", Map.of("name", "s1"));
    assertThat(a.structured()).containsEntry("path", "sessions/s1.json");
    JsonNode snapshot = sent.get(0).get("snapshot");
    assertThat(snapshot.get("variables").get(0).get("name").asText()).isEqualTo("x");
    assertThat(SnapshotJson.fromJson(snapshot).variables()).hasSize(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void loadSession_restoresAtOnceAndReportsEachVariable() {
    List<JsonNode> sent = new ArrayList<>();
    dev.orca.kernel.KernelSnapshot saved =
        new dev.orca.kernel.KernelSnapshot(
            List.of(),
            List.of(
                new dev.orca.kernel.KernelSnapshot.VariableValue("x", "int", "3", null),
                new dev.orca.kernel.KernelSnapshot.VariableValue(
                    "t", "Thread", null, "its value is not plain data")),
            java.time.Instant.now());
    KernelBridge bridge =
        (method, args) -> {
          sent.add(args);
          com.fasterxml.jackson.databind.node.ObjectNode answer =
              JSON.createObjectNode().put("path", "sessions/s1").put("pending", false);
          answer.set("snapshot", SnapshotJson.toJson(saved));
          answer.put("interrupted", "A cell was running when the session stopped");
          return answer;
        };

    ToolAnswer a = tools(bridge).call("load_session_state", Map.of("name", "s1"));

    assertThat(a.error()).as(a.text()).isFalse();
    // outside a cell the load cannot wait for the cell's end: it is done at once
    assertThat(sent.get(0).get("immediate").asBoolean()).isTrue();
    assertThat(kernel.restored).hasSize(1);
    List<Map<String, Object>> vars = (List<Map<String, Object>>) a.structured().get("variables");
    assertThat(vars).hasSize(2);
    assertThat(vars.get(0)).containsEntry("name", "x").containsEntry("restored", true);
    assertThat(vars.get(1))
        .containsEntry("name", "t")
        .containsEntry("restored", false)
        .containsEntry("how", "not restorable: its value is not plain data");
    assertThat(a.structured()).doesNotContainKey("snapshot").containsEntry("path", "sessions/s1");
    assertThat((String) a.structured().get("summary"))
        .contains("restored 1 of 2")
        .contains("A cell was running");
  }

  @Test
  void searchTools_withoutDiscoverySearchesMetaTools() {
    ToolAnswer a = tools(KernelBridge.NONE).call("search_tools", Map.of("query", "run java code"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results = (List<Map<String, Object>>) a.structured().get("results");
    assertThat(results.get(0)).containsEntry("name", "execute_code").containsEntry("kind", "meta");
    assertThat(results).hasSizeLessThanOrEqualTo(5);
  }

  @Test
  void searchTools_usesTheBridgeWhenAttached() {
    KernelBridge bridge =
        (method, args) -> {
          bridgeCalls.add(method + " " + args);
          return JSON.createObjectNode()
              .set(
                  "results",
                  JSON.createArrayNode()
                      .add(
                          JSON.createObjectNode()
                              .put("name", "github_create_issue")
                              .put("kind", "tool")
                              .put("signature", "createIssue(...)")
                              .put("description", "Create an issue")
                              .put("score", 0.9)));
        };
    ToolAnswer a = tools(bridge).call("search_tools", Map.of("query", "open an issue", "limit", 3));
    assertThat(bridgeCalls)
        .containsExactly("searchTools {\"query\":\"open an issue\",\"limit\":3}");
    assertThat(a.text()).contains("github_create_issue");
  }

  @Test
  void unknownTool_isAnError() {
    ToolAnswer a = tools(KernelBridge.NONE).call("rm_rf", Map.of());
    assertThat(a.error()).isTrue();
    assertThat(a.text()).contains("execute_code");
  }

  @Test
  void javaStringExpression_handlesLongAndSpecialText() {
    assertThat(OrcaTools.javaStringExpression("a\"b\\c\u00e9")).isEqualTo("\"a\\\"b\\\\c\\u00e9\"");
    String long_ = OrcaTools.javaStringExpression("y".repeat(20_000));
    assertThat(long_).startsWith("new StringBuilder().append(\"").endsWith(".toString()");
  }
}
