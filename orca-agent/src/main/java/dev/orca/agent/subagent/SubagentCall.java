package dev.orca.agent.subagent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The accounting record of one sub-agent call (written to {@code history.db}).
 *
 * @param agent the sub-agent's name
 * @param model the model reference it ran on
 * @param startedAt when the call began
 * @param latency wall time of the whole call (all chunks, retries and tool calls)
 * @param outcome how it ended
 * @param inputTokens input tokens over all its model requests
 * @param outputTokens output tokens over all its model requests
 * @param tokensEstimated whether any count is a jtokkit estimate (the provider reported none)
 * @param requests model requests sent (chunks, merges, tool rounds and retries included)
 * @param chunks parts the data was cut into (1 when it fit one call)
 * @param error the error message when it did not succeed, else {@code null}
 */
public record SubagentCall(
    String agent,
    String model,
    Instant startedAt,
    Duration latency,
    Outcome outcome,
    long inputTokens,
    long outputTokens,
    boolean tokensEstimated,
    int requests,
    int chunks,
    String error) {

  /** How a call ended. */
  public enum Outcome {
    /** It returned a result. */
    OK,
    /** It was refused before anything was sent (budget, unknown agent, bad input). */
    REFUSED,
    /** The model stayed unavailable after retries. */
    UNAVAILABLE,
    /** It failed otherwise (bad answer, tool failure, configuration). */
    ERROR
  }

  /** Validates. */
  public SubagentCall {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** Input plus output tokens. */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }
}
