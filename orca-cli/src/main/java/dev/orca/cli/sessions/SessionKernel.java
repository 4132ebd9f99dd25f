package dev.orca.cli.sessions;

import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.ForwardingKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.Output;
import dev.orca.kernel.RestoreReport;
import dev.orca.skills.runtime.SkillAwareKernel;
import dev.orca.skills.session.LoadReport;
import dev.orca.skills.session.SessionCheckpointer;
import dev.orca.skills.session.SessionLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The kernel of a run that works in a session: around every cell it keeps the session on disk,
 * applies a session load the cell asked for, records the cell in {@code history.db}, and cancels
 * the host calls a stopped cell left running. Everything else is delegated.
 *
 * <p>Per cell, in order: the cell is marked running ({@code running.json}, so that after a crash
 * the next run can say which cell was lost); the cell runs; when it was stopped or the kernel died,
 * the bridge calls it left running are cancelled ({@code BridgeRouter.cancelAll()}); a {@code
 * loadSessionState(name)} it requested is applied ({@link SessionLoader#applyPending}) and its
 * report appended to the cell's stdout; after a success (or a load) the kernel's host-side
 * checkpoint is written incrementally, otherwise the running marker is cleared; the cell is queued
 * for {@code history.db} ({@link CellHistory}). Bookkeeping never fails a cell: the first failure
 * to checkpoint is reported through the warnings sink, later ones are not.
 *
 * <p>Why a decorator rather than a call in each loop: every loop that runs cells — the REPL, the
 * MCP server's {@code execute_code}, the orchestrator behind {@code orca run} and {@code orca chat}
 * (it executes on the kernel it is given), and the cells the CLI runs itself ({@code call_subagent}
 * storing its answer, chat's {@code /load}) — takes its kernel from {@code OrcaRuntime.kernel()},
 * which is this one when the command asked for a session. So no loop can forget a step, and a new
 * loop gets sessions without code of its own. Cells that are not the user's or the model's
 * (warm-up, loading learned functions) go to {@link #delegate()} or {@link #innermost(Kernel)} and
 * are neither checkpointed nor recorded.
 *
 * <p>Like any kernel it is used by one caller at a time for {@link #execute}; {@link #interrupt()}
 * may be called from any thread.
 */
public final class SessionKernel extends ForwardingKernel {

  private final Kernel checkpointSource;
  private final String sessionName;
  private final SessionCheckpointer checkpointer;
  private final SessionLoader loader;
  private final CellHistory history;
  private final Runnable cancelBridgeCalls;
  private final Consumer<String> warnings;
  private volatile boolean checkpointWarned;

  private SessionKernel(Builder b) {
    super(b.delegate);
    this.checkpointSource = innermost(b.delegate);
    this.sessionName = Objects.requireNonNull(b.sessionName, "sessionName");
    this.checkpointer = b.checkpointer;
    this.loader = b.loader;
    this.history = b.history;
    this.cancelBridgeCalls = b.cancelBridgeCalls;
    this.warnings = b.warnings;
  }

  /**
   * A builder.
   *
   * @param delegate the kernel to wrap (usually the skills runtime's {@link SkillAwareKernel})
   * @param sessionName the run's session
   * @return the builder
   */
  public static Builder builder(Kernel delegate, String sessionName) {
    return new Builder(delegate, sessionName);
  }

  /**
   * The kernel under every Orca decorator ({@link SessionKernel}, {@link SkillAwareKernel}): for
   * cells that must not be checkpointed, recorded or counted as uses of learned functions.
   *
   * @param kernel a kernel
   * @return the kernel that runs the cells
   */
  public static Kernel innermost(Kernel kernel) {
    return ForwardingKernel.innermost(kernel);
  }

  /** The session this kernel keeps. */
  public String sessionName() {
    return sessionName;
  }

  /** Waits until the cells run so far are in {@code history.db}. */
  public void flushHistory() {
    if (history != null) {
      history.flush();
    }
  }

  @Override
  public ExecutionResult execute(String code, Duration timeout) {
    Objects.requireNonNull(code, "code");
    Instant startedAt = Instant.now();
    markRunning(code);
    ExecutionResult result;
    try {
      result = delegate().execute(code, timeout);
    } catch (RuntimeException e) {
      // Refused before it ran (empty, too long) or the kernel failed: no result, no checkpoint.
      clearRunning();
      throw e;
    }
    if (result instanceof ExecutionResult.Stopped || result instanceof ExecutionResult.Died) {
      cancelBridgeCalls();
    }
    String loadNote = null;
    boolean loaded = false;
    if (loader != null) {
      try {
        Optional<LoadReport> report = loader.applyPending(delegate());
        if (report.isPresent()) {
          loaded = true;
          loadNote = ResumeReport.describe(report.get(), "Loaded");
        }
      } catch (RuntimeException e) {
        loadNote = "The session load this cell asked for failed: " + e.getMessage();
      }
    }
    checkpointAfter(result, loaded);
    if (history != null) {
      history.record(code, result, startedAt);
    }
    return loadNote == null ? result : withNote(result, loadNote);
  }

  private void markRunning(String code) {
    if (checkpointer == null) {
      return;
    }
    try {
      checkpointer.beforeCell(code);
    } catch (RuntimeException e) {
      warnCheckpoint("could not mark the cell as running: " + e.getMessage());
    }
  }

  private void clearRunning() {
    if (checkpointer == null) {
      return;
    }
    // A failed cell only clears the marker.
    SessionCheckpointer.Checkpoint c = checkpointer.afterCell(checkpointSource, notRun());
    if (c.error() != null) {
      warnCheckpoint(c.error());
    }
  }

  private void checkpointAfter(ExecutionResult result, boolean loaded) {
    if (checkpointer == null) {
      return;
    }
    try {
      SessionCheckpointer.Checkpoint c =
          loaded
              ? checkpointer.checkpoint(checkpointSource)
              : checkpointer.afterCell(checkpointSource, result);
      if (c.error() != null) {
        warnCheckpoint(c.error());
      }
    } catch (RuntimeException e) {
      warnCheckpoint("checkpoint failed: " + e.getMessage());
    }
  }

  /** Writes a checkpoint now (between cells), e.g. after the kernel's state was replaced. */
  private void checkpointNow() {
    if (checkpointer == null) {
      return;
    }
    try {
      SessionCheckpointer.Checkpoint c = checkpointer.checkpoint(checkpointSource);
      if (c.error() != null) {
        warnCheckpoint(c.error());
      }
    } catch (RuntimeException e) {
      warnCheckpoint("checkpoint failed: " + e.getMessage());
    }
  }

  private void cancelBridgeCalls() {
    if (cancelBridgeCalls == null) {
      return;
    }
    try {
      cancelBridgeCalls.run();
    } catch (RuntimeException e) {
      warnings.accept("could not cancel the host calls of the stopped cell: " + e.getMessage());
    }
  }

  private void warnCheckpoint(String error) {
    if (!checkpointWarned) {
      checkpointWarned = true;
      warnings.accept(
          "session '"
              + sessionName
              + "' could not be checkpointed ("
              + error
              + "); the cell itself ran normally. Later checkpoint failures are not reported.");
    }
  }

  private static ExecutionResult notRun() {
    return new ExecutionResult.Stopped(0, "the cell did not run", Output.EMPTY, Duration.ZERO);
  }

  /**
   * The result with a note appended to its stdout (the report of a session load the cell asked for:
   * the model and the person see it right after the cell's own output).
   */
  static ExecutionResult withNote(ExecutionResult r, String note) {
    Output o = r.output();
    String stdout =
        o.stdout().isEmpty() || o.stdout().endsWith("\n") ? o.stdout() : o.stdout() + "\n";
    Output out = new Output(stdout + note, o.stderr(), o.stdoutTruncated(), o.stderrTruncated());
    if (r instanceof ExecutionResult.Success s) {
      return new ExecutionResult.Success(
          s.value(), s.valueType(), s.valueTruncated(), out, s.duration());
    }
    if (r instanceof ExecutionResult.CompileError c) {
      return new ExecutionResult.CompileError(c.snippetIndex(), c.diagnostics(), out, c.duration());
    }
    if (r instanceof ExecutionResult.UserException u) {
      return new ExecutionResult.UserException(
          u.snippetIndex(),
          u.exceptionType(),
          u.message(),
          u.line(),
          u.stackTrace(),
          out,
          u.duration());
    }
    if (r instanceof ExecutionResult.Stopped st) {
      return new ExecutionResult.Stopped(st.snippetIndex(), st.reason(), out, st.duration());
    }
    ExecutionResult.Died d = (ExecutionResult.Died) r;
    return new ExecutionResult.Died(d.cause(), d.restore(), out, d.duration());
  }

  /** The innermost kernel's host-side checkpoint (decorators in between would take a snapshot). */
  @Override
  public KernelSnapshot checkpoint() {
    return checkpointSource.checkpoint();
  }

  /** Restores, then checkpoints the new state into the run's session. */
  @Override
  public RestoreReport restore(KernelSnapshot snapshot) {
    RestoreReport report = delegate().restore(snapshot);
    checkpointNow();
    return report;
  }

  /** Closes the kernel, then writes the history rows still queued. */
  @Override
  public void close() {
    try {
      delegate().close();
    } finally {
      if (history != null) {
        history.close();
      }
    }
  }

  /** Builds a {@link SessionKernel}; every part is optional. */
  public static final class Builder {
    private final Kernel delegate;
    private final String sessionName;
    private SessionCheckpointer checkpointer;
    private SessionLoader loader;
    private CellHistory history;
    private Runnable cancelBridgeCalls;
    private Consumer<String> warnings = message -> System.err.println("orca: " + message);

    private Builder(Kernel delegate, String sessionName) {
      this.delegate = delegate;
      this.sessionName = sessionName;
    }

    /** Auto-checkpoints (none: {@code [sessions] checkpoint = false}). */
    public Builder checkpointer(SessionCheckpointer c) {
      this.checkpointer = c;
      return this;
    }

    /** Applies {@code loadSessionState(name)} requested by a cell, after the cell. */
    public Builder loader(SessionLoader l) {
      this.loader = l;
      return this;
    }

    /** Records cells in {@code history.db} (none: the loop records them itself). */
    public Builder history(CellHistory h) {
      this.history = h;
      return this;
    }

    /** Cancels the bridge calls still running, after a stopped cell or a kernel death. */
    public Builder cancelBridgeCalls(Runnable r) {
      this.cancelBridgeCalls = r;
      return this;
    }

    /** Where bookkeeping failures are reported (default: stderr, prefixed {@code orca: }). */
    public Builder warnings(Consumer<String> w) {
      this.warnings = Objects.requireNonNull(w, "warnings");
      return this;
    }

    /** Builds the kernel. */
    public SessionKernel build() {
      return new SessionKernel(this);
    }
  }
}
