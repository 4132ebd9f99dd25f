package dev.orca.skills;

import java.util.Locale;

/**
 * How serious a review finding is. A skill with a {@link #CRITICAL} or {@link #MAJOR} is not
 * deployed.
 */
public enum Severity {
  /** A sandbox escape, a refused class, code that cannot run: never deployed. */
  CRITICAL,
  /** A real defect or a broken rule (failing test, lint error, rule set error). */
  MAJOR,
  /** Worth fixing, not blocking. */
  MINOR,
  /** A remark. */
  INFO;

  /** Whether this severity blocks deployment. */
  public boolean blocks() {
    return this == CRITICAL || this == MAJOR;
  }

  /** The lower-case name used in JSON ({@code "critical"}, ...). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a severity leniently (case-insensitive; {@code error}, {@code high} → major, {@code
   * warning}, {@code low} → minor); unknown values become {@link #INFO}.
   *
   * @param text the text a reviewer wrote
   * @return the severity
   */
  public static Severity parse(String text) {
    if (text == null) {
      return INFO;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "critical", "blocker", "fatal" -> CRITICAL;
      case "major", "error", "high" -> MAJOR;
      case "minor", "warning", "warn", "medium", "low" -> MINOR;
      default -> INFO;
    };
  }
}
