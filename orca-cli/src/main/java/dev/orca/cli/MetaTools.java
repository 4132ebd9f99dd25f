package dev.orca.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog of Orca's meta-tools (DESIGN.md §2.4) with their argument schemas, and a keyword
 * search over them and the kernel built-ins (§2.5). The MCP server lists these; {@code
 * search_tools} and the REPL's {@code :search} fall back to {@link #search} when no tool discovery
 * is attached to the bridge.
 */
public final class MetaTools {

  /** The tools {@code orca mcp} lists without {@code --all-tools}. */
  public static final Set<String> DEFAULT_TOOLS = Set.of("execute_code", "search_tools");

  private static final List<MetaTool> ALL = build();

  private MetaTools() {}

  /** Every meta-tool, in DESIGN.md §2.4 order. */
  public static List<MetaTool> all() {
    return ALL;
  }

  /** The meta-tool with this MCP name, if any. */
  public static Optional<MetaTool> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * A keyword search over the meta-tools: scores each by how many query words occur in its name,
   * built-in name, description and keywords (names count more); an exact name match ranks first.
   *
   * @param query free text, e.g. "run java code"
   * @param limit at most this many results
   * @return matches, best first, each with a score in (0, 1]
   */
  public static List<Match> search(String query, int limit) {
    String q = query == null ? "" : query.toLowerCase(Locale.ROOT).trim();
    List<String> words = new ArrayList<>();
    for (String w : q.split("[^a-z0-9]+")) {
      if (w.length() > 1) {
        words.add(w);
      }
    }
    List<Match> matches = new ArrayList<>();
    for (MetaTool tool : ALL) {
      String names =
          (tool.name() + " " + tool.builtin()).toLowerCase(Locale.ROOT).replace('_', ' ');
      String text =
          (tool.description() + " " + String.join(" ", tool.keywords())).toLowerCase(Locale.ROOT);
      boolean exact = q.equals(tool.name()) || q.equalsIgnoreCase(tool.builtin());
      double raw = 0;
      for (String w : words) {
        if (names.contains(w)) {
          raw += 2;
        } else if (text.contains(w)) {
          raw += 1;
        }
      }
      if (exact) {
        matches.add(new Match(tool, 1.0));
      } else if (raw > 0) {
        matches.add(new Match(tool, Math.min(0.99, raw / (2.0 * words.size()))));
      }
    }
    matches.sort(Comparator.comparingDouble(Match::score).reversed());
    return matches.subList(0, Math.min(Math.max(0, limit), matches.size()));
  }

  /**
   * One search hit.
   *
   * @param tool the meta-tool
   * @param score relevance in (0, 1]
   */
  public record Match(MetaTool tool, double score) {

    /** The hit as {@code search_tools} returns it: name, kind, signature, description, score. */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", tool.name());
      m.put("kind", "meta");
      m.put("signature", tool.signature());
      m.put("description", tool.description());
      m.put("score", Math.round(score * 1000) / 1000.0);
      return m;
    }
  }

  private static List<MetaTool> build() {
    List<MetaTool> tools = new ArrayList<>();
    tools.add(
        new MetaTool(
            "execute_code",
            "executeCode",
            "execute_code(code, timeout_seconds)",
            "Run Java in Orca's persistent JShell kernel (Java 17+). A cell may hold several"
                + " statements, declarations (methods, records, classes, imports) and a final"
                + " expression, whose value is returned. Variables persist between calls. Kernel"
                + " code can call the built-ins searchTools, callTool, listVariables,"
                + " inspectVariable, callSubagent and more. Imports by default: java.util.*,"
                + " java.util.function.*, java.util.stream.*, java.time.*, java.nio.file.*,"
                + " java.math.*, tech.tablesaw.api.*. The working directory is the workspace.",
            schema(
                props(
                    "code",
                    prop("string", "Java source: statements, declarations, a final expression."),
                    "timeout_seconds",
                    Map.of(
                        "type", "integer",
                        "description", "How long the cell may run (default 30, at most 60).",
                        "minimum", 1,
                        "maximum", 60,
                        "default", 30)),
                "code"),
            List.of("run", "java", "jshell", "evaluate", "kernel", "execute", "code", "program")));
    tools.add(
        new MetaTool(
            "search_tools",
            "searchTools",
            "searchTools(String query)",
            "Search the tools, learned functions, sub-agents and meta-tools Orca knows by"
                + " keywords; returns name, kind, signature, description and score of the best"
                + " matches.",
            schema(
                props(
                    "query",
                    prop("string", "What the tool should do, or its name."),
                    "limit",
                    Map.of(
                        "type", "integer",
                        "description", "How many results (default 5).",
                        "minimum", 1,
                        "maximum", 50,
                        "default", 5)),
                "query"),
            List.of("find", "discover", "lookup", "tool", "function", "agent")));
    tools.add(
        new MetaTool(
            "list_variables",
            "listVariables",
            "listVariables()",
            "List the variables in the kernel with their types and a one-line summary each.",
            schema(props()),
            List.of("state", "memory", "vars", "show", "kernel")));
    tools.add(
        new MetaTool(
            "inspect_variable",
            "inspectVariable",
            "inspectVariable(String name)",
            "Describe one kernel variable in a bounded way: rows, columns and head for tables;"
                + " size and preview for collections; length and head for strings; fields for"
                + " records.",
            schema(props("name", prop("string", "The variable's name.")), "name"),
            List.of("describe", "table", "shape", "preview", "head", "columns", "summary")));
    tools.add(
        new MetaTool(
            "call_subagent",
            "callSubagent",
            "callSubagent(String name, String variableName)",
            "Hand one kernel variable to a sub-agent with a fresh context (e.g. summarizer,"
                + " code_generator) and store its answer in a kernel variable.",
            schema(
                props(
                    "name", prop("string", "The sub-agent's name, e.g. summarizer."),
                    "variable_name", prop("string", "The kernel variable to hand over."),
                    "result_variable",
                        prop("string", "Where to store the answer (default: a new name).")),
                "name",
                "variable_name"),
            List.of("delegate", "summarize", "agent", "llm", "model")));
    tools.add(
        new MetaTool(
            "generate_function",
            "generateFunction",
            "generateFunction(String name, String description, List<String> examples)",
            "Generate a reusable Java function (a learned skill) with tests and a review, and"
                + " load it into the kernel.",
            schema(
                props(
                    "name", prop("string", "The function's Java name."),
                    "description", prop("string", "What it must do."),
                    "examples",
                        Map.of(
                            "type", "array",
                            "items", Map.of("type", "string"),
                            "description", "Input/output examples.")),
                "name",
                "description"),
            List.of("skill", "learn", "create", "write", "code", "save")));
    tools.add(
        new MetaTool(
            "generate_subagent",
            "generateSubagent",
            "generateSubagent(String name, String purpose, List<String> tools)",
            "Create a new sub-agent definition with a purpose and the tools it may use.",
            schema(
                props(
                    "name", prop("string", "The sub-agent's name."),
                    "purpose", prop("string", "What it is for."),
                    "tools",
                        Map.of(
                            "type", "array",
                            "items", Map.of("type", "string"),
                            "description", "Names of tools it may call.")),
                "name",
                "purpose"),
            List.of("agent", "create", "skill", "learn")));
    tools.add(
        new MetaTool(
            "generate_tests",
            "generateTests",
            "generateTests(String path)",
            "Generate and run JUnit tests for a learned function; reports passed, failed and"
                + " coverage.",
            schema(props("path", prop("string", "Path of the learned function's file.")), "path"),
            List.of("junit", "test", "coverage", "verify")));
    tools.add(
        new MetaTool(
            "review_generated_code",
            "reviewGeneratedCode",
            "reviewGeneratedCode(String path)",
            "Review a generated file and list issues with severity, line, message and a"
                + " suggested fix.",
            schema(props("path", prop("string", "Path of the file to review.")), "path"),
            List.of("review", "lint", "quality", "check", "issues")));
    tools.add(
        new MetaTool(
            "save_session_state",
            "saveSessionState",
            "saveSessionState(String name)",
            "Save the kernel's state (definitions and variable values as JSON) under a name.",
            schema(props("name", prop("string", "The session's name.")), "name"),
            List.of("session", "snapshot", "persist", "checkpoint", "store")));
    tools.add(
        new MetaTool(
            "load_session_state",
            "loadSessionState",
            "loadSessionState(String name)",
            "Restore a saved session into the kernel and report what was restored and how.",
            schema(props("name", prop("string", "The session's name.")), "name"),
            List.of("session", "restore", "resume", "snapshot", "load")));
    tools.add(
        new MetaTool(
            "analyze_history",
            "analyzeHistory",
            "analyzeHistory()",
            "Find repeated patterns in the execution history and suggest skills that would"
                + " save tokens.",
            schema(
                props(
                    "limit",
                    Map.of(
                        "type", "integer",
                        "minimum", 1,
                        "description", "How many recent executions to analyze."))),
            List.of("history", "patterns", "savings", "tokens", "repeated")));
    return List.copyOf(tools);
  }

  private static Map<String, Object> prop(String type, String description) {
    return Map.of("type", type, "description", description);
  }

  private static Map<String, Object> props(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> schema(Map<String, Object> properties, String... required) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "object");
    m.put("properties", properties);
    if (required.length > 0) {
      m.put("required", List.of(required));
    }
    m.put("additionalProperties", false);
    return m;
  }
}
