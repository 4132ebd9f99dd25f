package dev.orca.skills;

import dev.orca.skills.store.SkillName;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code generateTests} produced.
 *
 * @param name the function under test
 * @param path where the tests were written ({@code learned_skills/tests/NameTest.java})
 * @param report the test run with coverage
 * @param testIssues problems of the test file itself (does not compile, rule errors)
 * @param tokens tokens the test generator spent
 */
public record TestsResult(
    SkillName name, Path path, TestReport report, List<ReviewIssue> testIssues, long tokens) {
  /** Validates and copies. */
  public TestsResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(report, "report");
    testIssues = List.copyOf(testIssues);
  }
}
