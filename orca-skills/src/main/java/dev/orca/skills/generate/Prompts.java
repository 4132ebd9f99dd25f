package dev.orca.skills.generate;

import dev.orca.skills.store.SkillName;
import java.util.List;

/** The requests Orca sends to its generator sub-agents (their system prompts are their own). */
public final class Prompts {

  private Prompts() {}

  /** How a learned function reaches host tools, and how tests replace them. */
  static final String BRIDGE_NOTE =
      "Host tools: only if the description needs one, call it as OrcaBridge.call(\"tool_name\","
          + " Map.of(\"arg\", value)); it returns the tool's result as an Object (Map, List,"
          + " String, Number or Boolean). OrcaBridge is in the default package; do not import it.\n";

  /** The test double of the bridge, described for the test generator (FR-7.6). */
  static final String TEST_DOUBLE_NOTE =
      "Test double: if the function calls OrcaBridge.call, answer those calls in each test by"
          + " setting OrcaBridge.handler = (tool, args) -> result; (a"
          + " java.util.function.BiFunction<String, Map<String, Object>, Object>, default package,"
          + " no import). Never call a real tool.\n";

  /**
   * The request to {@code code_generator}.
   *
   * @param req the function request
   * @param previousSource the source of the previous round, or {@code null}
   * @param feedback findings to fix, empty in the first round
   * @return the request text
   */
  public static String codeRequest(
      FunctionRequest req, String previousSource, List<String> feedback) {
    SkillName n = req.name();
    StringBuilder b = new StringBuilder();
    b.append("name: ").append(n.method()).append('\n');
    b.append("class: ").append(n.className()).append('\n');
    b.append("description: ").append(req.description()).append('\n');
    b.append("examples:\n").append(req.examplesText());
    b.append(BRIDGE_NOTE);
    appendFeedback(b, previousSource, feedback);
    return b.toString();
  }

  /**
   * The request to {@code test_generator}.
   *
   * @param req the function request
   * @param source the function's source
   * @param previousTests the tests of the previous round, or {@code null}
   * @param feedback findings to fix
   * @return the request text
   */
  public static String testRequest(
      FunctionRequest req, String source, String previousTests, List<String> feedback) {
    SkillName n = req.name();
    StringBuilder b = new StringBuilder();
    b.append("class under test: ").append(n.className()).append('\n');
    b.append("function: ").append(n.method()).append('\n');
    b.append("test class: ").append(n.testClassName()).append('\n');
    b.append("description: ").append(req.description()).append('\n');
    b.append("examples:\n").append(req.examplesText());
    b.append(TEST_DOUBLE_NOTE);
    b.append("source:\n").append(numbered(source));
    if (previousTests != null && !feedback.isEmpty()) {
      b.append("\nprevious tests:\n").append(previousTests);
    }
    if (!feedback.isEmpty()) {
      b.append("\nfeedback (fix every point):\n");
      feedback.forEach(f -> b.append("- ").append(f).append('\n'));
    }
    return b.toString();
  }

  /**
   * The request to {@code code_reviewer}.
   *
   * @param description what the code should do (may be empty)
   * @param source the source under review
   * @param testSummary its test results, or empty
   * @return the request text
   */
  public static String reviewRequest(String description, String source, String testSummary) {
    StringBuilder b = new StringBuilder();
    if (!description.isBlank()) {
      b.append("description: ").append(description).append('\n');
    }
    if (!testSummary.isBlank()) {
      b.append("tests: ").append(testSummary).append('\n');
    }
    b.append("source (with line numbers):\n").append(numbered(source));
    return b.toString();
  }

  /**
   * The request to {@code agent_generator}.
   *
   * @param name the agent's name
   * @param purpose what it is for
   * @param tools the tools it may call
   * @param feedback findings of the previous round
   * @return the request text
   */
  public static String agentRequest(
      String name, String purpose, List<String> tools, List<String> feedback) {
    StringBuilder b = new StringBuilder();
    b.append("name: ").append(name).append('\n');
    b.append("purpose: ").append(purpose).append('\n');
    b.append("tools: ").append(tools).append('\n');
    if (!feedback.isEmpty()) {
      b.append("feedback (fix every point):\n");
      feedback.forEach(f -> b.append("- ").append(f).append('\n'));
    }
    return b.toString();
  }

  private static void appendFeedback(StringBuilder b, String previous, List<String> feedback) {
    if (feedback.isEmpty()) {
      return;
    }
    b.append("\nfeedback from the previous round (fix every point):\n");
    feedback.forEach(f -> b.append("- ").append(f).append('\n'));
    if (previous != null) {
      b.append("\nprevious source (with line numbers):\n").append(numbered(previous));
    }
  }

  /** The source with 1-based line numbers, as javac and reviewers count them. */
  public static String numbered(String source) {
    String[] lines = source.split("\n", -1);
    StringBuilder b = new StringBuilder();
    int n = lines.length;
    if (n > 0 && lines[n - 1].isEmpty()) {
      n--;
    }
    for (int i = 0; i < n; i++) {
      b.append(String.format(java.util.Locale.ROOT, "%4d | %s\n", i + 1, lines[i]));
    }
    return b.toString();
  }
}
