package dev.orca.skills.gate;

import dev.orca.skills.ReviewIssue;
import dev.orca.skills.TestReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the model-independent gate found for one function (and its tests).
 *
 * @param source the formatted function source (or the input when it could not be formatted)
 * @param testSource the formatted test source, or empty
 * @param compiled whether the function compiled
 * @param functionIssues form, javac, policy, Checkstyle and smell findings on the function
 * @param testIssues findings on the test file (it did not compile, rule set errors)
 * @param tests the test run, empty when the tests were not run
 * @param signature the kernel signature of the entry method, e.g. {@code int add(int a, int b)}
 */
public record GateResult(
    String source,
    String testSource,
    boolean compiled,
    List<ReviewIssue> functionIssues,
    List<ReviewIssue> testIssues,
    Optional<TestReport> tests,
    String signature) {

  /** Validates and copies. */
  public GateResult {
    Objects.requireNonNull(source, "source");
    testSource = testSource == null ? "" : testSource;
    functionIssues = List.copyOf(functionIssues);
    testIssues = List.copyOf(testIssues);
    Objects.requireNonNull(tests, "tests");
    signature = signature == null ? "" : signature;
  }

  /** Whether anything blocks the function itself (compile, policy, form, rule errors, smells). */
  public boolean functionBlocked() {
    return !compiled || functionIssues.stream().anyMatch(i -> i.severity().blocks());
  }

  /** Whether the tests are unusable (do not compile or break rules). */
  public boolean testsBlocked() {
    return testIssues.stream().anyMatch(i -> i.severity().blocks());
  }

  /**
   * Whether the function passes: compiles, no blocking finding, tests pass with enough coverage.
   *
   * @param minCoverage required line coverage
   * @return the verdict
   */
  public boolean passed(double minCoverage) {
    return !functionBlocked()
        && !testsBlocked()
        && tests.map(t -> t.allPassed() && t.lineCoverage() >= minCoverage).orElse(false);
  }

  /** Every finding, the function's first. */
  public List<ReviewIssue> allIssues() {
    List<ReviewIssue> all = new ArrayList<>(functionIssues);
    all.addAll(testIssues);
    return all;
  }
}
