package dev.orca.agent.subagent;

import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.Outcome;
import dev.orca.core.history.SubagentCallRecord;
import java.util.Objects;

/**
 * Records sub-agent calls in {@code history.db} ({@link HistoryStore#recordSubagentCall}): tokens,
 * latency and outcome of each call, one row per call (one per element of a fan-out). A model that
 * stayed unavailable is stored as outcome {@code error} with its message. Database failures are
 * swallowed: bookkeeping never fails a call.
 */
public final class HistorySubagentAccounting implements SubagentAccounting {

  private final HistoryStore store;
  private final String sessionId;

  /**
   * Creates the adapter.
   *
   * @param store the shared history store
   * @param sessionId the session the calls belong to
   */
  public HistorySubagentAccounting(HistoryStore store, String sessionId) {
    this.store = Objects.requireNonNull(store, "store");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
  }

  @Override
  public void record(SubagentCall call) {
    try {
      store.recordSubagentCall(
          new SubagentCallRecord(
              call.startedAt(),
              sessionId,
              call.agent(),
              call.inputTokens(),
              call.outputTokens(),
              call.latency().toMillis(),
              outcome(call.outcome()),
              call.error()));
    } catch (RuntimeException ignored) {
      // history is bookkeeping: a full disk or a locked database must not fail the call
    }
  }

  private static Outcome outcome(SubagentCall.Outcome outcome) {
    return switch (outcome) {
      case OK -> Outcome.OK;
      case REFUSED -> Outcome.REFUSED;
      case UNAVAILABLE, ERROR -> Outcome.ERROR;
    };
  }
}
