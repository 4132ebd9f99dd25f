package dev.orca.core.history;

import java.time.Instant;

/**
 * What one session did, summed up from the history.
 *
 * @param sessionId the session
 * @param firstAt its first recorded event
 * @param lastAt its last recorded event
 * @param executions cells run
 * @param toolCalls tool calls made
 * @param tokens model tokens of its turns
 */
public record SessionActivity(
    String sessionId,
    Instant firstAt,
    Instant lastAt,
    long executions,
    long toolCalls,
    TokenTotals tokens) {
  /** Validates. */
  public SessionActivity {
    Checks.text(sessionId, "sessionId");
  }
}
