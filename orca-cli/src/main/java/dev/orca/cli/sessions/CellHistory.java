package dev.orca.cli.sessions;

import dev.orca.core.history.ExecutionRecord;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.Outcome;
import dev.orca.kernel.ExecutionResult;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Records a session's cells in {@code history.db} (code, normalized fingerprint, duration, outcome)
 * for self-analysis ({@code orca analyze}, {@code analyzeHistory()}).
 *
 * <p>Rows are written on one background thread, in order, so that fingerprinting (a javaparser
 * parse) and the database never add to a cell's latency; {@link #flush()} waits for them and {@link
 * #close()} drains the queue. A failure to record is reported once and never fails a cell.
 */
public final class CellHistory implements AutoCloseable {

  private final HistoryStore store;
  private final String sessionId;
  private final Function<String, String> fingerprinter;
  private final Consumer<String> warnings;
  private final ExecutorService writer;
  private volatile boolean warned;

  /**
   * Creates the recorder.
   *
   * @param store the history database
   * @param sessionId the session the rows belong to (the run's session name)
   * @param fingerprinter the analysis' fingerprint of a cell (e.g. {@code
   *     PatternMiner::fingerprint}), or {@code null} to leave it for the analysis to compute
   * @param warnings told once when recording fails
   */
  public CellHistory(
      HistoryStore store,
      String sessionId,
      Function<String, String> fingerprinter,
      Consumer<String> warnings) {
    this.store = Objects.requireNonNull(store, "store");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.fingerprinter = fingerprinter;
    this.warnings = Objects.requireNonNull(warnings, "warnings");
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "orca-cell-history");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Queues one cell's row.
   *
   * @param code the cell's source
   * @param result how it ended
   * @param startedAt when it started
   */
  public void record(String code, ExecutionResult result, Instant startedAt) {
    Outcome outcome = outcome(result);
    long ms = result.duration().toMillis();
    try {
      writer.execute(() -> write(code, outcome, ms, startedAt));
    } catch (RejectedExecutionException closed) {
      // closed: the run is ending
    }
  }

  private void write(String code, Outcome outcome, long durationMs, Instant startedAt) {
    try {
      String fingerprint = null;
      // The analysis only mines successful cells; it computes missing fingerprints itself.
      if (outcome == Outcome.OK && fingerprinter != null) {
        try {
          fingerprint = fingerprinter.apply(code);
        } catch (RuntimeException | StackOverflowError e) {
          fingerprint = null;
        }
      }
      store.recordExecution(
          new ExecutionRecord(startedAt, sessionId, code, fingerprint, durationMs, outcome, 0));
    } catch (RuntimeException e) {
      if (!warned) {
        warned = true;
        warnings.accept(
            "could not record a cell in history.db ("
                + e.getMessage()
                + "); the cell itself ran normally. Later failures are not reported.");
      }
    }
  }

  /**
   * How a result is stored.
   *
   * @param result a cell's result
   * @return its outcome
   */
  public static Outcome outcome(ExecutionResult result) {
    if (result instanceof ExecutionResult.Success) {
      return Outcome.OK;
    }
    if (result instanceof ExecutionResult.CompileError) {
      return Outcome.COMPILE_ERROR;
    }
    if (result instanceof ExecutionResult.UserException) {
      return Outcome.ERROR;
    }
    if (result instanceof ExecutionResult.Stopped) {
      return Outcome.STOPPED;
    }
    return Outcome.DIED;
  }

  /** Waits until every queued row is written (at most 10 s). */
  public void flush() {
    try {
      writer.submit(() -> {}).get(10, TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      // closed: nothing queued any more
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // the rows are late; nothing else to do
    }
  }

  /** Writes what is queued (at most 5 s) and stops the writer. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
