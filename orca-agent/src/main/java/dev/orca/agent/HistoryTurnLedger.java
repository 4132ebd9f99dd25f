package dev.orca.agent;

import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.ModelTurnRecord;
import java.util.Objects;

/** Records model turns in {@code history.db} ({@link HistoryStore#recordModelTurn}). */
public final class HistoryTurnLedger implements TurnLedger {
  private final HistoryStore store;
  private final String sessionId;

  /**
   * Creates a ledger.
   *
   * @param store the history store
   * @param sessionId the session the turns belong to
   */
  public HistoryTurnLedger(HistoryStore store, String sessionId) {
    this.store = Objects.requireNonNull(store, "store");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
  }

  @Override
  public void record(TurnUsage turn, String provider, String model) {
    store.recordModelTurn(
        ModelTurnRecord.of(
            sessionId,
            turn.step() - 1,
            provider,
            model,
            turn.inputTokens(),
            turn.outputTokens(),
            turn.estimated(),
            turn.modelLatency().toMillis()));
  }
}
