package dev.orca.core.history;

import java.util.Locale;

/** How an execution, tool call or sub-agent call ended, as stored in {@code history.db}. */
public enum Outcome {
  /** It did what was asked. */
  OK,
  /** The cell did not compile. */
  COMPILE_ERROR,
  /** User code (or a tool, or a sub-agent) threw or returned an error. */
  ERROR,
  /** It was stopped: a timeout or an interrupt. */
  STOPPED,
  /** The kernel process died while it ran. */
  DIED,
  /** It was refused before it ran: a budget, a policy, an unknown name. */
  REFUSED;

  /** The stored form: the lower-case name. */
  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a stored value.
   *
   * @param value a value written by {@link #dbValue()}
   * @return the outcome
   * @throws IllegalArgumentException for an unknown value
   */
  public static Outcome fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
