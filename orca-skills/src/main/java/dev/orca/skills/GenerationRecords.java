package dev.orca.skills;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.history.SkillEventType;
import dev.orca.skills.generate.GenerationOutcome;
import dev.orca.skills.internal.SkillHistory;
import dev.orca.skills.store.SkillHeader;
import dev.orca.skills.store.SkillStore;
import dev.orca.skills.store.VersionRecord;
import dev.orca.skills.store.VersionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a generation's outcome into what is kept of it: the version record in {@code state.json},
 * the history events (generated, tested, reviewed), and the one-line summaries shown to a person.
 */
final class GenerationRecords {
  private GenerationRecords() {}

  static VersionRecord recordOf(GenerationOutcome out, SkillHeader header, String description) {
    TestReport t = out.tests().orElse(TestReport.notRun("no tests ran"));
    return new VersionRecord(
        out.version(),
        VersionStatus.PENDING,
        header.updated().toString(),
        header.generator(),
        header.requestHash(),
        description,
        out.signature(),
        SkillStore.sha256(out.source()),
        SkillStore.sha256(out.testSource()),
        out.rounds(),
        out.passed(),
        gateSummary(out.issues(), out.tests()),
        out.blocking().stream().map(ReviewIssue::render).toList(),
        t.passed(),
        t.failed(),
        t.lineCoverage(),
        t.branchCoverage(),
        "",
        out.tokens());
  }

  static List<String> gateSummary(List<ReviewIssue> issues, Optional<TestReport> tests) {
    List<String> s = new ArrayList<>();
    s.add("tests: " + tests.map(TestReport::summary).orElse("not run"));
    for (Severity sev : Severity.values()) {
      long n = issues.stream().filter(i -> i.severity() == sev).count();
      if (n > 0) {
        s.add(sev.wireName() + ": " + n);
      }
    }
    return s;
  }

  static void recordGeneration(SkillHistory history, GenerationOutcome out) {
    String n = out.name().method();
    history.record(
        n,
        out.version(),
        SkillEventType.GENERATED,
        d -> {
          d.put("rounds", out.rounds());
          d.put("firstTryCompiled", out.firstTryCompiled());
          d.put("gatePassed", out.passed());
        },
        out.tokens(),
        0);
    out.tests()
        .ifPresent(
            t ->
                history.record(
                    n, out.version(), SkillEventType.TESTED, d -> testDetails(d, t), 0, 0));
    history.record(
        n, out.version(), SkillEventType.REVIEWED, d -> reviewDetails(d, out.issues()), 0, 0);
  }

  static void testDetails(ObjectNode d, TestReport t) {
    d.put("passed", t.passed());
    d.put("failed", t.failed());
    d.put("lineCoverage", t.lineCoverage());
    d.put("branchCoverage", t.branchCoverage());
    if (!t.error().isEmpty()) {
      d.put("error", t.error());
    }
  }

  static void reviewDetails(ObjectNode d, List<ReviewIssue> issues) {
    for (Severity s : Severity.values()) {
      d.put(s.wireName(), issues.stream().filter(i -> i.severity() == s).count());
    }
  }

  static String summary(GenerationOutcome out) {
    StringBuilder b = new StringBuilder();
    b.append(out.name())
        .append(" v")
        .append(out.version())
        .append(": ")
        .append(out.passed() ? "passed the gate" : "did not pass the gate")
        .append(" after ")
        .append(out.rounds())
        .append(" round(s); ")
        .append(out.tests().map(TestReport::summary).orElse("tests not run"));
    out.blocking().stream().limit(5).forEach(i -> b.append("\n  ").append(i.render()));
    return b.toString();
  }

  static String firstBlocking(GenerationOutcome out) {
    return out.blocking().stream()
        .findFirst()
        .map(i -> "First finding: " + i.render())
        .orElse(out.tests().map(TestReport::summary).orElse(""));
  }

  static String deployedMessage(String signature, int version) {
    return "Deployed v" + version + ". From the next cell, call " + signature + ".";
  }

  static VersionRecord withHashes(VersionRecord r, String source, String tests) {
    return new VersionRecord(
        r.version(),
        r.status(),
        r.created(),
        r.generator(),
        r.requestHash(),
        r.description(),
        r.signature(),
        source,
        tests,
        r.rounds(),
        r.gatePassed(),
        r.gateSummary(),
        r.blockingIssues(),
        r.testsPassed(),
        r.testsFailed(),
        r.lineCoverage(),
        r.branchCoverage(),
        r.approvedBy(),
        r.tokens());
  }

  static VersionRecord withTestHash(VersionRecord r, String tests) {
    return withHashes(r, r.sourceHash(), tests);
  }

  static Instant parseInstant(String s, Instant fallback) {
    try {
      return Instant.parse(s);
    } catch (RuntimeException e) {
      return fallback;
    }
  }
}
