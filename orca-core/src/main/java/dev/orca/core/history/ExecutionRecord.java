package dev.orca.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One cell run in a kernel.
 *
 * @param at when it started
 * @param sessionId the session (a run, a chat, an MCP connection) it belongs to
 * @param code the cell's source (secrets are redacted before it is stored)
 * @param fingerprint the normalized-AST fingerprint, or {@code null} when not computed yet (the
 *     analysis computes missing ones and stores them)
 * @param durationMs how long it ran
 * @param outcome how it ended
 * @param tokens model tokens attributable to the cell (the output tokens that wrote it plus the
 *     input tokens its result added), {@code 0} when unknown
 */
public record ExecutionRecord(
    Instant at,
    String sessionId,
    String code,
    String fingerprint,
    long durationMs,
    Outcome outcome,
    long tokens) {

  /** Validates. */
  public ExecutionRecord {
    Objects.requireNonNull(at, "at");
    Checks.text(sessionId, "sessionId");
    Objects.requireNonNull(code, "code");
    Checks.nonNegative(durationMs, "durationMs");
    Objects.requireNonNull(outcome, "outcome");
    Checks.nonNegative(tokens, "tokens");
  }

  /** An execution that starts now, without a fingerprint. */
  public static ExecutionRecord of(
      String sessionId, String code, long durationMs, Outcome outcome, long tokens) {
    return new ExecutionRecord(Instant.now(), sessionId, code, null, durationMs, outcome, tokens);
  }

  /** A copy with the fingerprint set. */
  public ExecutionRecord withFingerprint(String newFingerprint) {
    return new ExecutionRecord(at, sessionId, code, newFingerprint, durationMs, outcome, tokens);
  }
}
