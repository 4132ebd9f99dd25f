package dev.orca.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One call of a registry tool (from kernel code through the bridge, or a meta-tool).
 *
 * @param at when it started
 * @param sessionId the session it belongs to
 * @param toolId the tool's id as the registry names it
 * @param argsBytes size of the arguments as JSON, in bytes
 * @param resultBytes size of the result as JSON, in bytes
 * @param durationMs how long it ran
 * @param outcome how it ended
 * @param error the error message when it failed, else {@code null} (secrets are redacted)
 */
public record ToolCallRecord(
    Instant at,
    String sessionId,
    String toolId,
    long argsBytes,
    long resultBytes,
    long durationMs,
    Outcome outcome,
    String error) {

  /** Validates. */
  public ToolCallRecord {
    Objects.requireNonNull(at, "at");
    Checks.text(sessionId, "sessionId");
    Checks.text(toolId, "toolId");
    Checks.nonNegative(argsBytes, "argsBytes");
    Checks.nonNegative(resultBytes, "resultBytes");
    Checks.nonNegative(durationMs, "durationMs");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** A call that started now. */
  public static ToolCallRecord of(
      String sessionId,
      String toolId,
      long argsBytes,
      long resultBytes,
      long durationMs,
      Outcome outcome,
      String error) {
    return new ToolCallRecord(
        Instant.now(), sessionId, toolId, argsBytes, resultBytes, durationMs, outcome, error);
  }
}
