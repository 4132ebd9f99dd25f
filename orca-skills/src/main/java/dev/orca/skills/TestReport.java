package dev.orca.skills;

import java.util.List;
import java.util.Objects;

/**
 * What running a skill's JUnit tests in the separate test JVM produced.
 *
 * @param passed tests that passed
 * @param failed tests that failed or errored
 * @param failures one line per failed test: its name and why
 * @param linesCovered covered lines of the function's class(es)
 * @param linesTotal instrumented lines
 * @param branchesCovered covered branches
 * @param branchesTotal branches
 * @param error why the tests could not run at all (test compile error, JVM crash, timeout), or
 *     empty
 */
public record TestReport(
    int passed,
    int failed,
    List<String> failures,
    int linesCovered,
    int linesTotal,
    int branchesCovered,
    int branchesTotal,
    String error) {

  /** Validates and copies. */
  public TestReport {
    failures = List.copyOf(failures);
    Objects.requireNonNull(error, "error");
  }

  /** A report for tests that could not be run. */
  public static TestReport notRun(String why) {
    return new TestReport(0, 0, List.of(), 0, 0, 0, 0, why);
  }

  /** Line coverage in [0, 1]; 1 when there is nothing to cover. */
  public double lineCoverage() {
    return linesTotal == 0 ? (passed > 0 ? 1.0 : 0.0) : (double) linesCovered / linesTotal;
  }

  /** Branch coverage in [0, 1]; 1 when the code has no branches. */
  public double branchCoverage() {
    return branchesTotal == 0 ? 1.0 : (double) branchesCovered / branchesTotal;
  }

  /** Whether the tests ran, at least one ran, and none failed. */
  public boolean allPassed() {
    return error.isEmpty() && failed == 0 && passed > 0;
  }

  /** One line: counts and coverage. */
  public String summary() {
    if (!error.isEmpty()) {
      return "tests not run: " + error;
    }
    return String.format(
        java.util.Locale.ROOT,
        "%d passed, %d failed; line coverage %.0f%% (%d/%d), branch coverage %.0f%% (%d/%d)",
        passed,
        failed,
        lineCoverage() * 100,
        linesCovered,
        linesTotal,
        branchCoverage() * 100,
        branchesCovered,
        branchesTotal);
  }
}
