package dev.orca.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical text of Orca's meta-tools (DESIGN.md §2.4): names, descriptions and argument
 * schemas, shared by the orchestrator, the MCP server and the token benchmark so that all three
 * count and show the same thing. Only {@link #upfront()} (two tools) is given to a model at the
 * start; the others are found with {@code search_tools} and called as kernel built-ins.
 */
public final class MetaTools {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Description of {@code execute_code}. */
  public static final String EXECUTE_CODE_DESCRIPTION =
      "Run Java in the persistent kernel. Variables, methods and imports stay between calls."
          + " Send statements, declarations and a final expression; the value of the last"
          + " expression and what the code prints come back (bounded). Keep data in variables"
          + " and print only summaries. Built-ins: searchTools, callTool, callSubagent,"
          + " mapSubagent, listVariables, inspectVariable and the other Orca functions.";

  /** Argument schema of {@code execute_code}. */
  public static final String EXECUTE_CODE_SCHEMA =
      "{\"type\":\"object\",\"properties\":{"
          + "\"code\":{\"type\":\"string\",\"description\":\"Java source: statements,"
          + " expressions, declarations; several per call\"},"
          + "\"timeout_seconds\":{\"type\":\"integer\",\"description\":\"default 30, at most"
          + " 60\",\"minimum\":1,\"maximum\":60}},\"required\":[\"code\"]}";

  /** Description of {@code search_tools}. */
  public static final String SEARCH_TOOLS_DESCRIPTION =
      "Find tools, learned functions and agents by what they do or by name. Returns for each a"
          + " Java signature callable from execute_code, a short description and a score; the"
          + " kernel also gets a typed stub for each result.";

  /** Argument schema of {@code search_tools}. */
  public static final String SEARCH_TOOLS_SCHEMA =
      "{\"type\":\"object\",\"properties\":{"
          + "\"query\":{\"type\":\"string\",\"description\":\"what you want to do, or a tool"
          + " name\"},"
          + "\"limit\":{\"type\":\"integer\",\"description\":\"how many results, default 5\","
          + "\"minimum\":1,\"maximum\":50}},\"required\":[\"query\"]}";

  /** The two meta-tools a model sees at the start. */
  public static final ToolSpec EXECUTE_CODE =
      meta("execute_code", EXECUTE_CODE_DESCRIPTION, EXECUTE_CODE_SCHEMA);

  /** The search meta-tool. */
  public static final ToolSpec SEARCH_TOOLS =
      meta("search_tools", SEARCH_TOOLS_DESCRIPTION, SEARCH_TOOLS_SCHEMA);

  /** Kernel built-in signature for each meta-tool, by meta-tool name (DESIGN.md §2.5). */
  public static final Map<String, String> KERNEL_SIGNATURES = kernelSignatures();

  /**
   * Words, beyond a meta-tool's name and description, that help a keyword search find it (the MCP
   * server's fallback when no tool search is attached), by meta-tool name.
   */
  public static final Map<String, List<String>> KEYWORDS = keywords();

  private static final List<ToolSpec> ALL =
      List.of(
          EXECUTE_CODE,
          SEARCH_TOOLS,
          meta(
              "list_variables",
              "List the kernel's variables with their types and one-line summaries.",
              "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}"),
          meta(
              "inspect_variable",
              "Describe one kernel variable: type and a bounded summary (shape, columns and head"
                  + " of tables; size and preview of collections).",
              obj(string("name", "The variable's name."), "name")),
          meta(
              "call_subagent",
              "Hand one kernel variable to a sub-agent (e.g. summarizer) with a fresh context;"
                  + " its answer lands in a variable, only a preview comes back.",
              obj(
                  string("name", "The sub-agent's name, e.g. summarizer.")
                      + ","
                      + string("variable_name", "The kernel variable to hand over.")
                      + ","
                      + string(
                          "result_variable", "Where to store the answer (default: a new name)."),
                  "name",
                  "variable_name")),
          meta(
              "generate_function",
              "Write, test and review a reusable Java function from a description and examples;"
                  + " it is saved as a learned skill and loaded into the kernel.",
              obj(
                  string("name", "The function's Java name.")
                      + ","
                      + string("description", "What it must do.")
                      + ","
                      + strings("examples", "Input/output examples, or past cells doing the work."),
                  "name",
                  "description")),
          meta(
              "generate_subagent",
              "Create a specialised sub-agent with a purpose and a set of tools; saved under"
                  + " learned_skills/agents.",
              obj(
                  string("name", "The sub-agent's name.")
                      + ","
                      + string("purpose", "What it is for.")
                      + ","
                      + strings("tools", "Names of the tools it may call."),
                  "name",
                  "purpose")),
          meta(
              "generate_tests",
              "Generate and run JUnit tests for a learned function; reports passed, failed and"
                  + " coverage.",
              obj(string("path", "Path of the learned function's file."), "path")),
          meta(
              "review_generated_code",
              "Review generated code for bugs, security and style; returns issues with severity,"
                  + " line and suggestion.",
              obj(string("path", "Path of the file to review."), "path")),
          meta(
              "save_session_state",
              "Save the kernel's variables (as data), definitions, functions and agents under a"
                  + " name.",
              obj(string("name", "The session's name."), "name")),
          meta(
              "load_session_state",
              "Restore a saved session's variables, functions and agents into the kernel; reports"
                  + " per variable what was restored.",
              obj(string("name", "The session's name."), "name")),
          meta(
              "analyze_history",
              "Find repeated work in past executions, with counts and token costs, and suggest"
                  + " functions to generate (kernel: generateFromSuggestion(id)).",
              obj(
                  "\"limit\":{\"type\":\"integer\",\"minimum\":1,"
                      + "\"description\":\"How many suggestions (default 20).\"}")));

  private MetaTools() {}

  /** The two meta-tools given to a model upfront: {@code execute_code} and {@code search_tools}. */
  public static List<ToolSpec> upfront() {
    return List.of(EXECUTE_CODE, SEARCH_TOOLS);
  }

  /** Every meta-tool, {@link #upfront()} first. */
  public static List<ToolSpec> all() {
    return ALL;
  }

  /**
   * Registers every meta-tool in a registry (for discovery; they are called as kernel built-ins).
   *
   * @param registry the registry
   */
  public static void registerAll(ToolRegistry registry) {
    ALL.forEach(registry::registerSpec);
  }

  /**
   * A tool definition as a traditional MCP client sends it to a model: {@code
   * {"name","description","input_schema"}} in compact JSON.
   *
   * @param spec the tool
   * @return the JSON text
   */
  public static String definitionJson(ToolSpec spec) {
    Map<String, Object> def = new LinkedHashMap<>();
    def.put("name", spec.name());
    def.put("description", spec.description());
    def.put("input_schema", spec.parameters());
    try {
      return JSON.writeValueAsString(def);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ToolSpec meta(String name, String description, String schema) {
    return new ToolSpec(name, name, description, parse(schema), "", ToolKind.META, null);
  }

  private static String obj(String properties, String... required) {
    StringBuilder req = new StringBuilder();
    for (String r : required) {
      req.append(req.length() == 0 ? "" : ",").append('"').append(r).append('"');
    }
    return "{\"type\":\"object\",\"properties\":{"
        + properties
        + "},\"required\":["
        + req
        + "],\"additionalProperties\":false}";
  }

  private static String string(String name, String description) {
    return "\"" + name + "\":{\"type\":\"string\",\"description\":\"" + description + "\"}";
  }

  private static String strings(String name, String description) {
    return "\""
        + name
        + "\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"description\":\""
        + description
        + "\"}";
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("bad built-in schema: " + json, e);
    }
  }

  private static Map<String, String> kernelSignatures() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("execute_code", "(the code you send is what runs)");
    s.put("search_tools", "searchTools(String query)");
    s.put("list_variables", "listVariables()");
    s.put("inspect_variable", "inspectVariable(String name)");
    s.put("call_subagent", "callSubagent(String name, String variableName)");
    s.put(
        "generate_function",
        "generateFunction(String name, String description, List<String> examples)");
    s.put("generate_subagent", "generateSubagent(String name, String purpose, List<String> tools)");
    s.put("generate_tests", "generateTests(String path)");
    s.put("review_generated_code", "reviewGeneratedCode(String path)");
    s.put("save_session_state", "saveSessionState(String name)");
    s.put("load_session_state", "loadSessionState(String name)");
    s.put("analyze_history", "analyzeHistory()");
    return Map.copyOf(s);
  }

  private static Map<String, List<String>> keywords() {
    Map<String, List<String>> k = new LinkedHashMap<>();
    k.put(
        "execute_code", List.of("run", "java", "jshell", "evaluate", "kernel", "execute", "code"));
    k.put("search_tools", List.of("find", "discover", "lookup", "tool", "function", "agent"));
    k.put("list_variables", List.of("state", "memory", "vars", "show", "kernel"));
    k.put("inspect_variable", List.of("describe", "table", "shape", "preview", "head", "columns"));
    k.put("call_subagent", List.of("delegate", "summarize", "agent", "llm", "model"));
    k.put("generate_function", List.of("skill", "learn", "create", "write", "code", "save"));
    k.put("generate_subagent", List.of("agent", "create", "skill", "learn"));
    k.put("generate_tests", List.of("junit", "test", "coverage", "verify"));
    k.put("review_generated_code", List.of("review", "lint", "quality", "check", "issues"));
    k.put("save_session_state", List.of("session", "snapshot", "persist", "checkpoint", "store"));
    k.put("load_session_state", List.of("session", "restore", "resume", "snapshot", "load"));
    k.put("analyze_history", List.of("history", "patterns", "savings", "tokens", "repeated"));
    return Map.copyOf(k);
  }
}
