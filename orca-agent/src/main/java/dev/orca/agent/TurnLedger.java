package dev.orca.agent;

/** Where the orchestrator records each model turn ({@code history.db} in the CLI). */
@FunctionalInterface
public interface TurnLedger {

  /** Records nothing. */
  TurnLedger NONE = (turn, provider, model) -> {};

  /**
   * Records a turn. Implementations must not throw for bookkeeping failures that should not end a
   * task; the orchestrator ignores what they throw anyway.
   *
   * @param turn the turn's accounting
   * @param provider the provider, e.g. {@code anthropic}
   * @param model the model name
   */
  void record(TurnUsage turn, String provider, String model);

  /**
   * Records one {@code execute_code} cell the model ran (for self-analysis of repeated work).
   *
   * @param code the cell's source
   * @param result what it produced
   * @param tokens the context tokens the cell and its result cost
   */
  default void execution(String code, dev.orca.kernel.ExecutionResult result, long tokens) {}
}
