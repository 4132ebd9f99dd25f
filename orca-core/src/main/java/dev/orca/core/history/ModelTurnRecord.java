package dev.orca.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One request to a model and its answer.
 *
 * @param at when the request was sent
 * @param sessionId the session it belongs to
 * @param step the orchestrator step (0-based) within the session
 * @param provider the provider, e.g. {@code anthropic}
 * @param model the model name
 * @param inputTokens input tokens of the request
 * @param outputTokens output tokens of the answer
 * @param estimated whether the counts are estimates (jtokkit) because the provider gave none
 * @param latencyMs time from request to complete answer
 */
public record ModelTurnRecord(
    Instant at,
    String sessionId,
    int step,
    String provider,
    String model,
    long inputTokens,
    long outputTokens,
    boolean estimated,
    long latencyMs) {

  /** Validates. */
  public ModelTurnRecord {
    Objects.requireNonNull(at, "at");
    Checks.text(sessionId, "sessionId");
    Checks.nonNegative(step, "step");
    Checks.text(provider, "provider");
    Checks.text(model, "model");
    Checks.nonNegative(inputTokens, "inputTokens");
    Checks.nonNegative(outputTokens, "outputTokens");
    Checks.nonNegative(latencyMs, "latencyMs");
  }

  /** A turn that happened now. */
  public static ModelTurnRecord of(
      String sessionId,
      int step,
      String provider,
      String model,
      long inputTokens,
      long outputTokens,
      boolean estimated,
      long latencyMs) {
    return new ModelTurnRecord(
        Instant.now(),
        sessionId,
        step,
        provider,
        model,
        inputTokens,
        outputTokens,
        estimated,
        latencyMs);
  }
}
