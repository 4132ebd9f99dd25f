package dev.orca.agent.subagent;

import dev.orca.core.OrcaException;

/**
 * A sub-agent call that did not produce a result. Its message is written for the calling code (and
 * the model that wrote it): what happened and what to do. {@link #outcome()} says which kind of
 * failure it was.
 */
public final class SubagentException extends OrcaException {
  private static final long serialVersionUID = 1L;

  private final SubagentCall.Outcome outcome;

  /**
   * Creates the exception.
   *
   * @param outcome the kind of failure (never {@code OK})
   * @param message what happened and what to do
   * @param cause the underlying failure, or {@code null}
   */
  public SubagentException(SubagentCall.Outcome outcome, String message, Throwable cause) {
    super(message, outcome == SubagentCall.Outcome.UNAVAILABLE, cause);
    if (outcome == SubagentCall.Outcome.OK) {
      throw new IllegalArgumentException("a failure cannot have outcome OK");
    }
    this.outcome = outcome;
  }

  /** A call refused before anything was sent. */
  public static SubagentException refused(String message) {
    return new SubagentException(SubagentCall.Outcome.REFUSED, message, null);
  }

  /** The kind of failure. */
  public SubagentCall.Outcome outcome() {
    return outcome;
  }
}
