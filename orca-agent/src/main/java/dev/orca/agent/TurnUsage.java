package dev.orca.agent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Accounting of one model turn: one request and its answer, and the tool calls it asked for.
 *
 * @param step the 1-based step within the request
 * @param inputTokens input tokens (the provider's count, or an estimate)
 * @param outputTokens output tokens (the provider's count, or an estimate)
 * @param estimated whether the counts are jtokkit estimates because the provider gave none
 * @param requestTokensEstimate Orca's own estimate of the request it sent
 * @param modelLatency time from sending the request to the complete answer
 * @param toolTime time spent running the turn's tool calls (kernel, search)
 * @param overhead the rest of the step's wall time: Orca's own work
 * @param toolCalls names of the tools called, in order
 */
public record TurnUsage(
    int step,
    long inputTokens,
    long outputTokens,
    boolean estimated,
    int requestTokensEstimate,
    Duration modelLatency,
    Duration toolTime,
    Duration overhead,
    List<String> toolCalls) {

  /** Validates and copies. */
  public TurnUsage {
    if (step < 1 || inputTokens < 0 || outputTokens < 0 || requestTokensEstimate < 0) {
      throw new IllegalArgumentException("bad turn figures");
    }
    Objects.requireNonNull(modelLatency, "modelLatency");
    Objects.requireNonNull(toolTime, "toolTime");
    Objects.requireNonNull(overhead, "overhead");
    toolCalls = List.copyOf(toolCalls);
  }
}
