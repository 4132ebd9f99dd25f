package dev.orca.skills.gate;

import dev.orca.skills.ReviewIssue;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What javac said.
 *
 * @param ok whether class files were produced without errors
 * @param errors errors (severity critical), with file and line
 * @param warnings {@code -Xlint:all} warnings (severity minor)
 * @param classesDir where the class files are
 */
public record CompileOutcome(
    boolean ok, List<ReviewIssue> errors, List<ReviewIssue> warnings, Path classesDir) {

  /** Validates and copies. */
  public CompileOutcome {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(classesDir, "classesDir");
  }
}
