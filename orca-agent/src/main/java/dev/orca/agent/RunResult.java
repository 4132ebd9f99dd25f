package dev.orca.agent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one request to the orchestrator ended.
 *
 * @param outcome why it ended
 * @param answer the model's final answer, or a message saying why there is none
 * @param turns accounting of every model turn
 * @param elapsed wall time of the request
 * @param compactions how many times the conversation was compacted during the request
 */
public record RunResult(
    Outcome outcome, String answer, List<TurnUsage> turns, Duration elapsed, int compactions) {

  /** Why a request ended. */
  public enum Outcome {
    /** The model gave its final answer. */
    COMPLETED,
    /** The step limit was reached first. */
    STEP_LIMIT,
    /** The wall-clock limit was reached first. */
    TIME_LIMIT,
    /** The user stopped it. */
    CANCELLED,
    /** The model could not be reached or refused the request, after retries. */
    MODEL_FAILED
  }

  /** Validates and copies. */
  public RunResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(answer, "answer");
    turns = List.copyOf(turns);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Whether the model finished the task. */
  public boolean completed() {
    return outcome == Outcome.COMPLETED;
  }

  /** Model requests made. */
  public int requests() {
    return turns.size();
  }

  /** Input tokens over all turns. */
  public long inputTokens() {
    return turns.stream().mapToLong(TurnUsage::inputTokens).sum();
  }

  /** Output tokens over all turns. */
  public long outputTokens() {
    return turns.stream().mapToLong(TurnUsage::outputTokens).sum();
  }

  /** The largest single request, in input tokens. */
  public long largestRequest() {
    return turns.stream().mapToLong(TurnUsage::inputTokens).max().orElse(0);
  }

  /** Whether any turn's counts are estimates. */
  public boolean anyEstimated() {
    return turns.stream().anyMatch(TurnUsage::estimated);
  }
}
