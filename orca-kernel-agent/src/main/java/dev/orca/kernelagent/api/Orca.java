package dev.orca.kernelagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.values.Inspector;
import dev.orca.kernelagent.values.PlainData;
import dev.orca.kernelagent.values.ValueCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The built-ins kernel code calls (DESIGN.md §2.5). The kernel defines top-level methods with the
 * same names that delegate here, so code simply writes {@code searchTools("csv")} or {@code
 * callTool("github::create_issue", Map.of(...))}. Host calls cross the kernel's channel as JSON;
 * results come back as plain Java values (maps, lists, strings, numbers, booleans).
 */
public final class Orca {
  private static volatile KernelAccess access;

  private Orca() {}

  /**
   * Connects the built-ins to their kernel. Called once by the kernel at start; later calls fail.
   *
   * @param kernelAccess the kernel
   */
  public static synchronized void install(KernelAccess kernelAccess) {
    if (access != null) {
      throw new IllegalStateException("the kernel built-ins are already installed");
    }
    access = Objects.requireNonNull(kernelAccess);
  }

  private static KernelAccess access() {
    KernelAccess a = access;
    if (a == null) {
      throw new OrcaCallException("the Orca built-ins are not connected to a kernel");
    }
    return a;
  }

  /** Finds the five best tools, functions, agents and meta-tools for a query. */
  public static List<Map<String, Object>> searchTools(String query) {
    return searchTools(query, 5);
  }

  /** Finds tools, functions, agents and meta-tools for a query. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> searchTools(String query, int limit) {
    ObjectNode args = ValueCodec.mapper().createObjectNode();
    args.put("query", requireText(query, "query"));
    args.put("limit", limit);
    JsonNode result = access().callHost("searchTools", args);
    Object results = ValueCodec.toJava(result.path("results"));
    return results instanceof List ? (List<Map<String, Object>>) results : List.of();
  }

  /** Calls any registered tool with JSON-compatible arguments; returns its result. */
  public static Object callTool(String name, Map<String, ?> args) {
    ObjectNode request = ValueCodec.mapper().createObjectNode();
    request.put("name", requireText(name, "name"));
    request.set("args", ValueCodec.toTree(args == null ? Map.of() : args));
    return ValueCodec.toJava(access().callHost("callTool", request));
  }

  /** The user's variables with one-line summaries. */
  public static List<Map<String, String>> listVariables() {
    return access().listVariables();
  }

  /** A bounded description of one variable. */
  public static String inspectVariable(String name) {
    return access().inspect(requireText(name, "name"));
  }

  /** Hands a variable to a sub-agent in a fresh context; returns its result. */
  public static Object callSubagent(String name, String variableName) {
    Object value = access().valueOf(requireText(variableName, "variableName"));
    ObjectNode request = ValueCodec.mapper().createObjectNode();
    request.put("name", requireText(name, "name"));
    request.put("variableName", variableName);
    putData(request, value);
    JsonNode result = access().callHost("callSubagent", request);
    return ValueCodec.toJava(result.has("result") ? result.get("result") : result);
  }

  /** Runs a sub-agent once per element of a list variable, with bounded concurrency. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> mapSubagent(
      String name, String listVariableName, int concurrency) {
    Object value = access().valueOf(requireText(listVariableName, "listVariableName"));
    Collection<?> items;
    if (value instanceof Collection<?>) {
      items = (Collection<?>) value;
    } else if (value instanceof Object[]) {
      items = List.of((Object[]) value);
    } else {
      throw new OrcaCallException(
          listVariableName
              + " is not a list (it is "
              + (value == null ? "null" : value.getClass().getName())
              + "): mapSubagent needs a List or array variable");
    }
    ObjectNode request = ValueCodec.mapper().createObjectNode();
    request.put("name", requireText(name, "name"));
    request.put("listVariableName", listVariableName);
    request.put("concurrency", Math.max(1, concurrency));
    var array = request.putArray("items");
    for (Object item : new ArrayList<>(items)) {
      putData(array.addObject(), item);
    }
    return (Map<String, Object>) ValueCodec.toJava(access().callHost("mapSubagent", request));
  }

  /** Asks the host to generate, test, review and (through the gate) deploy a function. */
  public static Map<String, Object> generateFunction(
      String name, String description, List<?> examples) {
    ObjectNode request = ValueCodec.mapper().createObjectNode();
    request.put("name", requireText(name, "name"));
    request.put("description", requireText(description, "description"));
    request.set("examples", ValueCodec.toTree(examples == null ? List.of() : examples));
    return host("generateFunction", request);
  }

  /** Asks the host to generate a new sub-agent. */
  public static Map<String, Object> generateSubagent(
      String name, String purpose, List<String> tools) {
    ObjectNode request = ValueCodec.mapper().createObjectNode();
    request.put("name", requireText(name, "name"));
    request.put("purpose", requireText(purpose, "purpose"));
    request.set("tools", ValueCodec.toTree(tools == null ? List.of() : tools));
    return host("generateSubagent", request);
  }

  /** Generates and runs JUnit tests for a learned function. */
  public static Map<String, Object> generateTests(String path) {
    return host("generateTests", pathRequest(path));
  }

  /** Reviews a learned function: static checks and the reviewer sub-agent. */
  public static Map<String, Object> reviewGeneratedCode(String path) {
    return host("reviewGeneratedCode", pathRequest(path));
  }

  /** Saves the kernel's state (definitions and values as data) as a named session. */
  public static Map<String, Object> saveSessionState(String name) {
    ObjectNode request = ValueCodec.mapper().createObjectNode();
    request.put("name", requireText(name, "name"));
    request.set("snapshot", access().snapshot());
    return host("saveSessionState", request);
  }

  /** Loads a named session (after the current cell ends). */
  public static Map<String, Object> loadSessionState(String name) {
    ObjectNode request = ValueCodec.mapper().createObjectNode();
    request.put("name", requireText(name, "name"));
    return host("loadSessionState", request);
  }

  /** Mines the execution history for repeated work (the top 20 patterns). */
  public static Map<String, Object> analyzeHistory() {
    return analyzeHistory(20);
  }

  /** Mines the execution history for repeated work. */
  public static Map<String, Object> analyzeHistory(int limit) {
    ObjectNode request = ValueCodec.mapper().createObjectNode();
    request.put("limit", limit);
    return host("analyzeHistory", request);
  }

  /**
   * Turns a suggestion of {@link #analyzeHistory()} into a learned function: its past cells go to
   * {@code generateFunction} as examples, with a proposed name and signature; the result is the
   * generation's (deployed, or why not) plus the suggestion's id and count.
   *
   * @param id the suggestion's id (or its rank in the list)
   */
  public static Map<String, Object> generateFromSuggestion(String id) {
    return generateFromSuggestion(id, null);
  }

  /** As {@link #generateFromSuggestion(String)}, under another function name. */
  public static Map<String, Object> generateFromSuggestion(String id, String name) {
    ObjectNode request = ValueCodec.mapper().createObjectNode();
    request.put("id", requireText(id, "id"));
    if (name != null) {
      request.put("name", name);
    }
    return host("generateFromSuggestion", request);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> host(String method, ObjectNode request) {
    Object result = ValueCodec.toJava(access().callHost(method, request));
    return result instanceof Map ? (Map<String, Object>) result : Map.of("result", result);
  }

  private static ObjectNode pathRequest(String path) {
    ObjectNode request = ValueCodec.mapper().createObjectNode();
    request.put("path", requireText(path, "path"));
    return request;
  }

  private static void putData(ObjectNode target, Object value) {
    if (value instanceof CharSequence) {
      target.put("text", value.toString());
      target.put("data", value.toString());
      return;
    }
    if (PlainData.whyNot(value) == null) {
      JsonNode tree = ValueCodec.toTree(value);
      target.set("data", tree);
      target.put("text", tree.toPrettyString());
    } else {
      target.putNull("data");
      target.put("text", Inspector.render(value, 200_000));
    }
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new OrcaCallException(what + " must not be empty");
    }
    return value;
  }
}
