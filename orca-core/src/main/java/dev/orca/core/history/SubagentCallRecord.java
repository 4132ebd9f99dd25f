package dev.orca.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One sub-agent call (one item of a fan-out counts as one call).
 *
 * @param at when it started
 * @param sessionId the session it belongs to
 * @param name the sub-agent's name
 * @param inputTokens input tokens spent by the sub-agent
 * @param outputTokens output tokens spent by the sub-agent
 * @param latencyMs wall time of the call, retries included
 * @param outcome how it ended
 * @param error the error message when it failed, else {@code null} (secrets are redacted)
 */
public record SubagentCallRecord(
    Instant at,
    String sessionId,
    String name,
    long inputTokens,
    long outputTokens,
    long latencyMs,
    Outcome outcome,
    String error) {

  /** Validates. */
  public SubagentCallRecord {
    Objects.requireNonNull(at, "at");
    Checks.text(sessionId, "sessionId");
    Checks.text(name, "name");
    Checks.nonNegative(inputTokens, "inputTokens");
    Checks.nonNegative(outputTokens, "outputTokens");
    Checks.nonNegative(latencyMs, "latencyMs");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** A call that started now. */
  public static SubagentCallRecord of(
      String sessionId,
      String name,
      long inputTokens,
      long outputTokens,
      long latencyMs,
      Outcome outcome,
      String error) {
    return new SubagentCallRecord(
        Instant.now(), sessionId, name, inputTokens, outputTokens, latencyMs, outcome, error);
  }
}
