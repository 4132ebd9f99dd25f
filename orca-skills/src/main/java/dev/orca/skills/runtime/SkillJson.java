package dev.orca.skills.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.skills.AgentResult;
import dev.orca.skills.FunctionResult;
import dev.orca.skills.ReviewIssue;
import dev.orca.skills.TestReport;
import dev.orca.skills.TestsResult;
import java.util.List;
import java.util.Locale;

/** The JSON results of the self-evolution built-ins and meta-tools (DESIGN.md §2.4). */
public final class SkillJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SkillJson() {}

  /** {@code generate_function}: path, version, review, tests, plus status and message. */
  public static ObjectNode of(FunctionResult r) {
    ObjectNode o = F.objectNode();
    o.put("name", r.name().method());
    o.put("path", r.path().toString());
    o.put("version", r.version());
    o.put("status", r.status().name().toLowerCase(Locale.ROOT));
    o.put("deployed", r.deployed());
    o.put("gatePassed", r.gatePassed());
    o.put("rounds", r.rounds());
    o.put("signature", r.signature());
    o.put("tokens", r.tokens());
    o.put("message", r.message());
    ObjectNode review = o.putObject("review");
    review.set("issues", issues(r.issues()));
    o.set(
        "tests",
        r.tests()
            .map(SkillJson::tests)
            .orElseGet(
                () -> {
                  ObjectNode t = F.objectNode();
                  t.put("summary", "not run");
                  return t;
                }));
    return o;
  }

  /** {@code generate_tests}: path, passed, failed, coverage. */
  public static ObjectNode of(TestsResult r) {
    ObjectNode o = tests(r.report());
    o.put("path", r.path().toString());
    o.put("tokens", r.tokens());
    o.set("issues", issues(r.testIssues()));
    return o;
  }

  /** {@code generate_subagent}: path, files, plus version, validity and problems. */
  public static ObjectNode of(AgentResult r) {
    ObjectNode o = F.objectNode();
    o.put("name", r.name());
    o.put("path", r.dir().toString());
    ArrayNode files = o.putArray("files");
    r.files().forEach(files::add);
    o.put("version", r.version());
    o.put("valid", r.valid());
    o.put("deployed", r.deployed());
    ArrayNode problems = o.putArray("problems");
    r.problems().forEach(problems::add);
    o.put("rounds", r.rounds());
    o.put("tokens", r.tokens());
    o.put(
        "message",
        r.deployed()
            ? "Deployed. Call it with callSubagent(\"" + r.name() + "\", \"variableName\")."
            : r.valid()
                ? "Valid; waits for approval: orca skills approve " + r.name() + "."
                : "Not valid: " + String.join("; ", r.problems()));
    return o;
  }

  /** {@code review_generated_code}: issues. */
  public static ObjectNode review(List<ReviewIssue> issues) {
    ObjectNode o = F.objectNode();
    o.set("issues", issues(issues));
    return o;
  }

  /** A test report as JSON. */
  public static ObjectNode tests(TestReport t) {
    ObjectNode o = F.objectNode();
    o.put("passed", t.passed());
    o.put("failed", t.failed());
    ArrayNode f = o.putArray("failures");
    t.failures().forEach(f::add);
    ObjectNode c = o.putObject("coverage");
    c.put("line", round(t.lineCoverage()));
    c.put("branch", round(t.branchCoverage()));
    c.put("linesCovered", t.linesCovered());
    c.put("linesTotal", t.linesTotal());
    c.put("branchesCovered", t.branchesCovered());
    c.put("branchesTotal", t.branchesTotal());
    if (!t.error().isEmpty()) {
      o.put("error", t.error());
    }
    o.put("summary", t.summary());
    return o;
  }

  /** Findings as a JSON array of {severity, line, message, suggestion, source}. */
  public static ArrayNode issues(List<ReviewIssue> issues) {
    ArrayNode a = F.arrayNode();
    for (ReviewIssue i : issues) {
      ObjectNode n = a.addObject();
      n.put("severity", i.severity().wireName());
      n.put("line", i.line());
      n.put("message", i.message());
      n.put("suggestion", i.suggestion());
      n.put("source", i.source());
    }
    return a;
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }
}
