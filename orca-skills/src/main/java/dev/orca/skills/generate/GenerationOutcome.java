package dev.orca.skills.generate;

import dev.orca.skills.ReviewIssue;
import dev.orca.skills.TestReport;
import dev.orca.skills.store.SkillName;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the generate/test/review rounds produced for one function.
 *
 * @param name the function
 * @param version the version number given to the result
 * @param rounds rounds run
 * @param firstTryCompiled whether the first round's source compiled
 * @param passed whether the last round passed the whole gate
 * @param source the last round's formatted source (header included); empty when none compiled
 * @param testSource the last round's tests
 * @param signature the kernel signature
 * @param issues every finding of the last round (static checks, tests, reviewer)
 * @param tests the last round's test report
 * @param tokens tokens spent on all generator calls
 * @param versionDir where the version's files and rounds are kept
 */
public record GenerationOutcome(
    SkillName name,
    int version,
    int rounds,
    boolean firstTryCompiled,
    boolean passed,
    String source,
    String testSource,
    String signature,
    List<ReviewIssue> issues,
    Optional<TestReport> tests,
    long tokens,
    Path versionDir) {

  /** Validates and copies. */
  public GenerationOutcome {
    Objects.requireNonNull(name, "name");
    issues = List.copyOf(issues);
    Objects.requireNonNull(tests, "tests");
  }

  /** The findings that block deployment. */
  public List<ReviewIssue> blocking() {
    return issues.stream().filter(i -> i.severity().blocks()).toList();
  }
}
