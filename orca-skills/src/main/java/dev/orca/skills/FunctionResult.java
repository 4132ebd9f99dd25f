package dev.orca.skills;

import dev.orca.skills.store.SkillName;
import dev.orca.skills.store.VersionStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code generateFunction} (or a re-gate by {@code orca skills test}) produced.
 *
 * @param name the function
 * @param path the deployed file when deployed, else the version's file
 * @param version the version made
 * @param status where that version stands
 * @param rounds generation rounds (0 for a re-gate)
 * @param firstTryCompiled whether the first round's source compiled
 * @param gatePassed whether it passed the whole gate
 * @param signature its kernel signature
 * @param issues the findings of the last round
 * @param tests its test report, when the tests ran
 * @param tokens tokens spent creating it
 * @param message one sentence for the caller: deployed and how to call it, or why not
 */
public record FunctionResult(
    SkillName name,
    Path path,
    int version,
    VersionStatus status,
    int rounds,
    boolean firstTryCompiled,
    boolean gatePassed,
    String signature,
    List<ReviewIssue> issues,
    Optional<TestReport> tests,
    long tokens,
    String message) {

  /** Validates and copies. */
  public FunctionResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
    issues = List.copyOf(issues);
    Objects.requireNonNull(tests, "tests");
    Objects.requireNonNull(message, "message");
  }

  /** Whether the version is deployed now. */
  public boolean deployed() {
    return status == VersionStatus.DEPLOYED;
  }
}
