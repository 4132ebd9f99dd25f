package dev.orca.agent;

import dev.orca.core.history.ExecutionRecord;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.ModelTurnRecord;
import dev.orca.core.history.Outcome;
import dev.orca.kernel.ExecutionResult;
import java.util.Objects;

/**
 * Records model turns ({@link HistoryStore#recordModelTurn}) and the cells the model ran ({@link
 * HistoryStore#recordExecution}) in {@code history.db}.
 */
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

  @Override
  public void execution(String code, ExecutionResult result, long tokens) {
    Outcome outcome;
    if (result instanceof ExecutionResult.Success) {
      outcome = Outcome.OK;
    } else if (result instanceof ExecutionResult.CompileError) {
      outcome = Outcome.COMPILE_ERROR;
    } else if (result instanceof ExecutionResult.UserException) {
      outcome = Outcome.ERROR;
    } else if (result instanceof ExecutionResult.Stopped) {
      outcome = Outcome.STOPPED;
    } else {
      outcome = Outcome.DIED;
    }
    store.recordExecution(
        ExecutionRecord.of(sessionId, code, result.duration().toMillis(), outcome, tokens));
  }
}
