package dev.orca.kernelagent.engine;

import java.util.List;

/** The snippets every kernel starts with: default imports and the top-level built-ins. */
final class Startup {
  private Startup() {}

  /** Imports every cell can rely on (issue 2). */
  static final List<String> IMPORTS =
      List.of(
          "import java.util.*;",
          "import java.util.function.*;",
          "import java.util.stream.*;",
          "import java.time.*;",
          "import java.nio.file.*;",
          "import java.math.*;",
          "import tech.tablesaw.api.*;");

  private static final String API = "dev.orca.kernelagent.api.Orca";

  /** Top-level built-ins (DESIGN.md §2.5), each delegating to {@code Orca}. */
  static final List<String> BUILTINS =
      List.of(
          "List<Map<String, Object>> searchTools(String query) { return "
              + API
              + ".searchTools(query, 5); }",
          "List<Map<String, Object>> searchTools(String query, int limit) { return "
              + API
              + ".searchTools(query, limit); }",
          "Object callTool(String name, Map<String, ?> args) { return "
              + API
              + ".callTool(name, args); }",
          "List<Map<String, String>> listVariables() { return " + API + ".listVariables(); }",
          "String inspectVariable(String name) { return " + API + ".inspectVariable(name); }",
          "Object callSubagent(String name, String variableName) { return "
              + API
              + ".callSubagent(name, variableName); }",
          "Map<String, Object> mapSubagent(String name, String listVariableName, int concurrency)"
              + " { return "
              + API
              + ".mapSubagent(name, listVariableName, concurrency); }",
          "Map<String, Object> generateFunction(String name, String description, List<?> examples)"
              + " { return "
              + API
              + ".generateFunction(name, description, examples); }",
          "Map<String, Object> generateSubagent(String name, String purpose, List<String> tools)"
              + " { return "
              + API
              + ".generateSubagent(name, purpose, tools); }",
          "Map<String, Object> generateTests(String path) { return "
              + API
              + ".generateTests(path); }",
          "Map<String, Object> reviewGeneratedCode(String path) { return "
              + API
              + ".reviewGeneratedCode(path); }",
          "Map<String, Object> saveSessionState(String name) { return "
              + API
              + ".saveSessionState(name); }",
          "Map<String, Object> loadSessionState(String name) { return "
              + API
              + ".loadSessionState(name); }",
          "Map<String, Object> analyzeHistory() { return " + API + ".analyzeHistory(20); }",
          "Map<String, Object> analyzeHistory(int limit) { return "
              + API
              + ".analyzeHistory(limit); }");
}
