package dev.orca.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.cli.HostServices;
import dev.orca.cli.MetaTool;
import dev.orca.cli.MetaTools;
import dev.orca.cli.OrcaRuntime;
import dev.orca.core.OrcaException;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Inspection;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelBridge;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.RestoreReport;
import dev.orca.kernel.VariableInfo;
import dev.orca.skills.session.LoadReport;
import dev.orca.skills.session.SessionService;
import dev.orca.skills.session.SnapshotJson;
import dev.orca.tools.bridge.BridgeRouter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Answers Orca's meta-tools (DESIGN.md §2.4) against a runtime's kernel and bridge; the MCP server
 * and the REPL's {@code :search}/{@code :save}/{@code :load} use it.
 *
 * <p>{@code execute_code}, {@code list_variables} and {@code inspect_variable} run in the kernel.
 * {@code search_tools} asks the bridge's {@code searchTools} and falls back to a keyword search
 * over the meta-tools. The others are answered by the handler registered for their bridge method
 * ({@code callSubagent}, {@code generateFunction}, {@code generateSubagent}, {@code generateTests},
 * {@code reviewGeneratedCode}, {@code saveSessionState}, {@code loadSessionState}, {@code
 * analyzeHistory}); the handler's JSON object is the structured answer. Without a bridge they
 * answer with a clear "not available yet" error. Never throws: every failure is an {@code isError}
 * answer with the tool's fields.
 */
public final class OrcaTools {

  /** Longest cell accepted, in characters; longer cells are refused before reaching the kernel. */
  public static final int MAX_CODE_CHARS = 1_000_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> BRIDGE_METHODS =
      Map.of(
          "generate_function", "generateFunction",
          "generate_subagent", "generateSubagent",
          "generate_tests", "generateTests",
          "review_generated_code", "reviewGeneratedCode",
          "analyze_history", "analyzeHistory");

  private final Supplier<Kernel> kernel;
  private final KernelBridge bridge;
  private final Duration defaultTimeout;
  private Supplier<Optional<SessionService>> sessions = Optional::empty;
  private final ReentrantLock kernelLock = new ReentrantLock(true);

  /**
   * Creates the tools for a runtime.
   *
   * @param runtime the runtime whose kernel (started on first use) and bridge answer the calls
   */
  public OrcaTools(OrcaRuntime runtime) {
    this(runtime::kernel, runtime.bridge(), runtime.defaultTimeout());
    this.sessions = () -> runtime.services().map(HostServices::sessions);
  }

  /**
   * Creates the tools.
   *
   * @param kernel gives the kernel, waiting for it to start
   * @param bridge answers the routed meta-tools
   * @param defaultTimeout the cell timeout when the call gives none
   */
  public OrcaTools(Supplier<Kernel> kernel, KernelBridge bridge, Duration defaultTimeout) {
    this.kernel = kernel;
    this.bridge = bridge;
    this.defaultTimeout = defaultTimeout;
  }

  /**
   * The tools to list.
   *
   * @param allTools every meta-tool, or only {@link MetaTools#DEFAULT_TOOLS}
   * @return the tool specs
   */
  public static List<MetaTool> listed(boolean allTools) {
    return MetaTools.all().stream()
        .filter(t -> allTools || MetaTools.DEFAULT_TOOLS.contains(t.name()))
        .toList();
  }

  /**
   * Answers one call. Never throws.
   *
   * @param tool the meta-tool's name
   * @param args its arguments (may be {@code null})
   * @return the answer; {@code error()} when it failed
   */
  public ToolAnswer call(String tool, Map<String, Object> args) {
    ToolArgs a = new ToolArgs(tool, args);
    try {
      switch (tool) {
        case "execute_code":
          return executeCode(a);
        case "search_tools":
          return searchTools(a);
        case "list_variables":
          return listVariables();
        case "inspect_variable":
          return inspectVariable(a);
        case "call_subagent":
          return callSubagent(a);
        case "save_session_state":
          return saveSession(a);
        case "load_session_state":
          return loadSession(a);
        case "generate_function":
          return routed(
              tool,
              a,
              obj()
                  .put("name", a.requiredString("name", "the function's Java name"))
                  .put("description", a.requiredString("description", "what it must do"))
                  .set("examples", JSON.valueToTree(a.stringList("examples"))));
        case "generate_subagent":
          return routed(
              tool,
              a,
              obj()
                  .put("name", a.requiredString("name", "the sub-agent's name"))
                  .put("purpose", a.requiredString("purpose", "what it is for"))
                  .set("tools", JSON.valueToTree(a.stringList("tools"))));
        case "generate_tests":
        case "review_generated_code":
          return routed(
              tool, a, obj().put("path", a.requiredString("path", "the generated file's path")));
        case "analyze_history":
          ObjectNode req = obj();
          Integer limit = a.integer("limit", null, 1);
          if (limit != null) {
            req.put("limit", limit);
          }
          return routed(tool, a, req);
        default:
          return ToolAnswer.failure(
              Map.of(),
              "unknown_tool",
              "There is no tool named '"
                  + tool
                  + "'. Known tools: "
                  + String.join(", ", MetaTools.all().stream().map(MetaTool::name).toList())
                  + ".");
      }
    } catch (OrcaException e) {
      return ToolAnswer.failure(
          emptyFields(tool),
          e.retriable() ? "temporary_failure" : "invalid_request",
          e.getMessage());
    } catch (RuntimeException e) {
      return ToolAnswer.failure(
          emptyFields(tool),
          "internal_error",
          tool + " failed inside Orca (" + e + "). Try again; if it persists, report it.");
    }
  }

  private ToolAnswer executeCode(ToolArgs a) {
    Object raw = a.optionalString("code");
    String code = raw == null ? null : (String) raw;
    if (code == null) {
      Map<String, Object> fields = emptyFields("execute_code");
      return ToolAnswer.failure(
          fields,
          "invalid_arguments",
          "execute_code: argument 'code' is missing or empty: pass Java statements, declarations"
              + " or an expression as a string.");
    }
    if (code.length() > MAX_CODE_CHARS) {
      return ToolAnswer.failure(
          emptyFields("execute_code"),
          "invalid_arguments",
          "execute_code: the code is "
              + code.length()
              + " characters; the limit is "
              + MAX_CODE_CHARS
              + ". Split it into several cells, or write large data to a file in the workspace"
              + " and read it from code.");
    }
    int requested = a.integer("timeout_seconds", (int) defaultTimeout.toSeconds(), 1);
    long max = Kernel.MAX_TIMEOUT.toSeconds();
    Duration timeout = Duration.ofSeconds(Math.min(requested, max));
    Kernel k = kernel.get();
    ExecutionResult result;
    kernelLock.lock();
    try {
      result = k.execute(code, timeout);
    } finally {
      kernelLock.unlock();
    }
    ToolAnswer answer = ExecutionMapper.map(result);
    if (requested > max) {
      return new ToolAnswer(
          answer.structured(),
          answer.text()
              + "\n(timeout_seconds "
              + requested
              + " was lowered to the maximum, "
              + max
              + ".)",
          answer.error());
    }
    return answer;
  }

  private ToolAnswer searchTools(ToolArgs a) {
    String query = a.requiredString("query", "words describing the tool, or its name");
    int limit = Math.min(50, a.integer("limit", 5, 1));
    List<Map<String, Object>> results = new ArrayList<>();
    boolean fromBridge = false;
    if (available("searchTools")) {
      try {
        JsonNode answer = bridge.call("searchTools", obj().put("query", query).put("limit", limit));
        for (JsonNode r : answer.path("results")) {
          results.add(JSON.convertValue(r, MAP));
        }
        fromBridge = true;
      } catch (OrcaException e) {
        System.err.println(
            "orca: tool search is unavailable, searching meta-tools only: " + e.getMessage());
      }
    }
    if (!fromBridge) {
      for (MetaTools.Match m : MetaTools.search(query, limit)) {
        results.add(m.toMap());
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("results", results);
    StringBuilder text = new StringBuilder();
    if (results.isEmpty()) {
      text.append("No tools match '")
          .append(query)
          .append("'. Try other words or a shorter query.");
    }
    for (Map<String, Object> r : results) {
      text.append(r.get("name"))
          .append(" [")
          .append(r.get("kind"))
          .append("] ")
          .append(r.get("signature"))
          .append(" score=")
          .append(r.get("score"))
          .append("\n    ")
          .append(r.get("description"))
          .append('\n');
    }
    return new ToolAnswer(m, text.toString().stripTrailing(), false);
  }

  private ToolAnswer listVariables() {
    Kernel k = kernel.get();
    List<VariableInfo> vars;
    kernelLock.lock();
    try {
      vars = k.variables();
    } finally {
      kernelLock.unlock();
    }
    List<Map<String, Object>> list = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (VariableInfo v : vars) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", v.name());
      e.put("type", v.type());
      e.put("summary", v.summary());
      list.add(e);
      text.append(v.type()).append(' ').append(v.name()).append(" = ").append(v.summary());
      text.append('\n');
    }
    if (vars.isEmpty()) {
      text.append("No variables yet. Declare some with execute_code, e.g. var xs = List.of(1, 2);");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("variables", list);
    return new ToolAnswer(m, text.toString().stripTrailing(), false);
  }

  private ToolAnswer inspectVariable(ToolArgs a) {
    String name = a.requiredString("name", "the variable's name (see list_variables)").trim();
    Kernel k = kernel.get();
    Inspection in;
    kernelLock.lock();
    try {
      in = k.inspect(name);
    } finally {
      kernelLock.unlock();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", in.name());
    m.put("type", in.type());
    m.put("summary", in.summary());
    String text =
        in.type()
            + " "
            + in.name()
            + (in.runtimeType().equals(in.type()) ? "" : " (" + in.runtimeType() + ")")
            + "\n"
            + in.summary();
    return new ToolAnswer(m, text, false);
  }

  private ToolAnswer callSubagent(ToolArgs a) {
    String agent = a.requiredString("name", "the sub-agent's name, e.g. summarizer");
    String variable = a.requiredString("variable_name", "the kernel variable to hand over").trim();
    String target = a.optionalString("result_variable");
    target = target == null ? javaName(agent) + "Result" : target.trim();
    if (!target.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
      throw OrcaException.invalid(
          "call_subagent: result_variable '" + target + "' is not a Java variable name.");
    }
    requireBridge("call_subagent", "callSubagent", "no sub-agent runtime is attached");
    Kernel k = kernel.get();
    ObjectNode req = obj().put("name", agent).put("variableName", variable);
    kernelLock.lock();
    try {
      Inspection in = k.inspect(variable);
      req.put("text", in.summary());
      JsonNode data = null;
      for (KernelSnapshot.VariableValue v : k.snapshot().variables()) {
        if (v.name().equals(variable) && v.restorable()) {
          data = parse(v.json());
        }
      }
      req.set("data", data);
    } finally {
      kernelLock.unlock();
    }
    JsonNode answer = bridge.call("callSubagent", req);
    JsonNode result = answer.path("result");
    String resultText = result.isTextual() ? result.asText() : result.toString();
    ExecutionResult stored;
    kernelLock.lock();
    try {
      stored = k.execute("String " + target + " = " + javaStringExpression(resultText) + ";");
    } finally {
      kernelLock.unlock();
    }
    if (!stored.ok()) {
      throw OrcaException.invalid(
          "call_subagent: the answer could not be stored in '"
              + target
              + "': "
              + ExecutionMapper.map(stored).text());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("result_variable", target);
    m.put("preview", preview(resultText));
    m.put("tokens", answer.path("tokens").asLong(0));
    return new ToolAnswer(
        m,
        "Stored the answer of "
            + agent
            + " in String "
            + target
            + " ("
            + m.get("tokens")
            + " tokens). Preview:\n"
            + m.get("preview"),
        false);
  }

  private ToolAnswer saveSession(ToolArgs a) {
    String name = a.requiredString("name", "a name for the saved session");
    requireBridge("save_session_state", "saveSessionState", "no session store is attached");
    Kernel k = kernel.get();
    KernelSnapshot snapshot;
    kernelLock.lock();
    try {
      snapshot = k.snapshot();
    } finally {
      kernelLock.unlock();
    }
    JsonNode answer =
        bridge.call(
            "saveSessionState",
            obj().put("name", name).set("snapshot", SnapshotJson.toJson(snapshot)));
    return passThrough("save_session_state", answer);
  }

  /**
   * {@code load_session_state}: outside a cell the load happens at once. With the runtime's host
   * services it is {@code SessionService.loadInto} (definitions, values, learned functions at the
   * session's versions); with only a bridge, the bridge hands the session's snapshot over ({@code
   * immediate: true}) and the kernel restores it. Either way the answer says per variable whether
   * it was restored or why not.
   */
  private ToolAnswer loadSession(ToolArgs a) {
    String name = a.requiredString("name", "the saved session's name");
    Optional<SessionService> service = sessions.get();
    if (service.isPresent()) {
      // the runtime's own sessions: skills come back at the session's versions too
      Kernel k = kernel.get();
      LoadReport report;
      kernelLock.lock();
      try {
        report = service.get().loadInto(name, k);
      } finally {
        kernelLock.unlock();
      }
      return passThrough("load_session_state", report.toJson());
    }
    requireBridge("load_session_state", "loadSessionState", "no session store is attached");
    JsonNode answer =
        bridge.call("loadSessionState", obj().put("name", name).put("immediate", true));
    if (!answer.has("snapshot") || !answer.get("snapshot").isObject()) {
      return passThrough("load_session_state", answer);
    }
    KernelSnapshot snapshot = SnapshotJson.fromJson(answer.get("snapshot"));
    Kernel k = kernel.get();
    RestoreReport report;
    kernelLock.lock();
    try {
      report = k.restore(snapshot);
    } finally {
      kernelLock.unlock();
    }
    ObjectNode out = ((ObjectNode) answer.deepCopy());
    out.remove("snapshot");
    out.remove("pending");
    Map<String, String> lost = new LinkedHashMap<>();
    report.lostVariables().forEach(l -> lost.put(l.name(), l.reason()));
    com.fasterxml.jackson.databind.node.ArrayNode vars = out.putArray("variables");
    int restored = 0;
    for (KernelSnapshot.VariableValue v : snapshot.variables()) {
      boolean ok = report.restoredVariables().contains(v.name());
      restored += ok ? 1 : 0;
      String why =
          lost.getOrDefault(
              v.name(),
              v.notRestorableReason() != null
                  ? v.notRestorableReason()
                  : "the kernel did not restore it");
      vars.addObject()
          .put("name", v.name())
          .put("type", v.type())
          .put(
              "how",
              !ok
                  ? "not restorable: " + why
                  : report.recomputedVariables().contains(v.name())
                      ? "recomputed by replay"
                      : "restored from data")
          .put("restored", ok);
    }
    StringBuilder summary = new StringBuilder();
    summary
        .append("Loaded session '")
        .append(name)
        .append("': replayed ")
        .append(report.replayedDefinitions().size())
        .append(" definition(s), restored ")
        .append(restored)
        .append(" of ")
        .append(snapshot.variables().size())
        .append(" variable(s)");
    if (!lost.isEmpty()) {
      summary.append("; not restored: ");
      summary.append(
          String.join(
              "; ",
              lost.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
    }
    summary.append('.');
    if (out.hasNonNull("interrupted")) {
      summary.append(' ').append(out.get("interrupted").asText());
    }
    out.put("summary", summary.toString());
    return passThrough("load_session_state", out);
  }

  private ToolAnswer routed(String tool, ToolArgs a, ObjectNode request) {
    requireBridge(
        tool, BRIDGE_METHODS.get(tool), "this meta-tool's implementation is not attached");
    return passThrough(tool, bridge.call(BRIDGE_METHODS.get(tool), request));
  }

  /** Whether the bridge answers a method: not {@code NONE}, and registered on a router. */
  private boolean available(String method) {
    if (bridge == KernelBridge.NONE) {
      return false;
    }
    return !(bridge instanceof BridgeRouter router) || router.methods().contains(method);
  }

  private void requireBridge(String tool, String method, String why) {
    if (!available(method)) {
      throw OrcaException.invalid(
          tool
              + " is not available yet in this Orca build ("
              + why
              + "). Use execute_code, search_tools, list_variables and inspect_variable meanwhile.");
    }
  }

  private static ToolAnswer passThrough(String tool, JsonNode answer) {
    Map<String, Object> m = new LinkedHashMap<>(emptyFields(tool));
    if (answer != null && answer.isObject()) {
      m.putAll(JSON.convertValue(answer, MAP));
    } else {
      m.put("result", answer == null ? null : JSON.convertValue(answer, Object.class));
    }
    String text;
    try {
      text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      text = String.valueOf(m);
    }
    return new ToolAnswer(m, text, false);
  }

  /**
   * The fields a tool answers with, empty, for failures (DESIGN.md §2.4 shapes).
   *
   * @param tool the tool's name
   * @return its fields with {@code null} or empty values
   */
  public static Map<String, Object> emptyFields(String tool) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (tool) {
      case "execute_code" -> {
        m.put("stdout", "");
        m.put("stderr", "");
        m.put("value", null);
        m.put("value_type", null);
        m.put("error", null);
        m.put("duration_ms", 0L);
        m.put("truncated", false);
      }
      case "search_tools" -> m.put("results", List.of());
      case "list_variables" -> m.put("variables", List.of());
      case "inspect_variable" -> nulls(m, "name", "type", "summary");
      case "call_subagent" -> nulls(m, "result_variable", "preview", "tokens");
      case "generate_function" -> nulls(m, "path", "version", "review", "tests");
      case "generate_subagent" -> nulls(m, "path", "files");
      case "generate_tests" -> nulls(m, "path", "passed", "failed", "coverage");
      case "review_generated_code" -> m.put("issues", List.of());
      case "save_session_state", "load_session_state" ->
          nulls(m, "path", "variables", "functions", "agents");
      case "analyze_history" -> {
        m.put("patterns", List.of());
        m.put("savings", null);
      }
      default -> {}
    }
    return m;
  }

  private static void nulls(Map<String, Object> m, String... keys) {
    for (String k : keys) {
      m.put(k, null);
    }
  }

  private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};

  private static ObjectNode obj() {
    return JSON.createObjectNode();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return JSON.getNodeFactory().textNode(json);
    }
  }

  private static String preview(String s) {
    return s.length() <= 500 ? s : s.substring(0, 500) + "… (" + s.length() + " chars)";
  }

  private static String javaName(String s) {
    String cleaned = s.replaceAll("[^A-Za-z0-9_$]", "_");
    return Character.isJavaIdentifierStart(cleaned.isEmpty() ? '1' : cleaned.charAt(0))
        ? cleaned
        : "_" + cleaned;
  }

  /**
   * A Java expression whose value is {@code s}, safe for any length (class-file string constants
   * hold at most 65,535 bytes, so long text is built from pieces).
   *
   * @param s the text
   * @return the Java expression
   */
  static String javaStringExpression(String s) {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < s.length(); i += 8_000) {
      pieces.add(javaLiteral(s.substring(i, Math.min(s.length(), i + 8_000))));
    }
    if (pieces.size() <= 1) {
      return pieces.isEmpty() ? "\"\"" : pieces.get(0);
    }
    return "new StringBuilder()"
        + pieces.stream().map(p -> ".append(" + p + ")").reduce("", String::concat)
        + ".toString()";
  }

  private static String javaLiteral(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
