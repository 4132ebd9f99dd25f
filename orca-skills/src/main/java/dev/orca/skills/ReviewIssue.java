package dev.orca.skills;

import java.util.Objects;

/**
 * One finding of a review (static checks or the {@code code_reviewer} sub-agent).
 *
 * @param severity how serious it is
 * @param line 1-based line in the reviewed file, 0 when it concerns the whole file
 * @param message what is wrong
 * @param suggestion how to fix it (may be empty)
 * @param source which check found it: {@code policy}, {@code javac}, {@code checkstyle}, {@code
 *     smells}, {@code tests}, {@code code_reviewer}
 */
public record ReviewIssue(
    Severity severity, int line, String message, String suggestion, String source) {

  /** Validates. */
  public ReviewIssue {
    Objects.requireNonNull(severity, "severity");
    if (line < 0) {
      line = 0;
    }
    Objects.requireNonNull(message, "message");
    suggestion = suggestion == null ? "" : suggestion;
    source = source == null ? "" : source;
  }

  /** One line for feedback to a generator and for the CLI. */
  public String render() {
    return severity.wireName()
        + (line > 0 ? " line " + line : "")
        + " ["
        + source
        + "] "
        + message
        + (suggestion.isEmpty() ? "" : " (suggestion: " + suggestion + ")");
  }
}
