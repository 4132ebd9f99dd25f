package dev.orca.agent.subagent;

/**
 * Where sub-agent calls are recorded ({@code history.db} in production). Implementations must be
 * thread-safe (a fan-out records from many threads) and must not throw: accounting never fails a
 * call.
 */
@FunctionalInterface
public interface SubagentAccounting {

  /**
   * Records one call.
   *
   * @param call what happened
   */
  void record(SubagentCall call);

  /** Records nothing. */
  SubagentAccounting NONE = call -> {};
}
