package dev.orca.kernel;

import java.time.Duration;
import java.util.List;

/**
 * Orca's working memory: a persistent Java kernel that runs cells of code and keeps their state.
 *
 * <p>Implementations run code outside the host JVM. User-code failures (compile errors, exceptions,
 * timeouts, a dying child) are returned as {@link ExecutionResult}s, never thrown. A kernel is used
 * by one caller at a time for {@link #execute}; {@link #interrupt()} may be called from any thread.
 */
public interface Kernel extends AutoCloseable {

  /** Default time a cell may run (DESIGN.md §2.4). */
  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Longest time a cell may run; longer requests are clamped to this. */
  Duration MAX_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Runs a cell: statements, declarations and a final expression, in order.
   *
   * @param code the cell's source; may hold several snippets
   * @param timeout how long the cell may run; clamped to {@link #MAX_TIMEOUT}
   * @return what happened, with bounded output
   */
  ExecutionResult execute(String code, Duration timeout);

  /** Runs a cell with the {@link #DEFAULT_TIMEOUT}. */
  default ExecutionResult execute(String code) {
    return execute(code, DEFAULT_TIMEOUT);
  }

  /** The user's variables (built-ins excluded), each with a one-line summary computed in-kernel. */
  List<VariableInfo> variables();

  /**
   * A bounded description of one variable, computed inside the kernel.
   *
   * @param name the variable's name
   * @return the description (at most about 1K tokens whatever the value's size)
   * @throws dev.orca.core.OrcaException when no such variable exists
   */
  Inspection inspect(String name);

  /**
   * Completion candidates for the code at the cursor (used by the REPL's tab completion).
   *
   * @param code the code typed so far
   * @param cursor the cursor position within {@code code}
   * @return candidates, best first
   */
  List<String> complete(String code, int cursor);

  /**
   * Whether {@code code} is a complete cell or needs more input (the REPL's multi-line input).
   *
   * @param code the code typed so far
   * @return {@code true} when the cell can be run as it is
   */
  boolean isComplete(String code);

  /** Asks the running cell to stop; returns at once. Does nothing when no cell runs. */
  void interrupt();

  /**
   * Replaces the child process with a fresh one, replaying definitions and restoring what variables
   * it can.
   *
   * @return what was kept and what was lost
   */
  RestoreReport restart();

  /**
   * The kernel's state as data (definitions and variable values as JSON), taken between cells.
   *
   * @return the snapshot
   */
  KernelSnapshot snapshot();

  /**
   * The host's latest checkpoint of the kernel's state, with no round trip to the kernel: the
   * definitions so far and, for each variable, the JSON captured after the last cell that declared
   * or used it (large or non-data values carry the reason they were not captured). Cheap enough to
   * call after every cell; {@link #snapshot()} is the exact, slower alternative.
   *
   * @return the checkpoint
   */
  default KernelSnapshot checkpoint() {
    return snapshot();
  }

  /**
   * Replaces the kernel's state with a snapshot's: a fresh child process, definitions replayed,
   * values restored from JSON.
   *
   * @param snapshot the state to restore
   * @return per variable, what was restored and what was not (and why)
   */
  RestoreReport restore(KernelSnapshot snapshot);

  /** Facts about the running kernel: start time, process, sandbox layers. */
  KernelInfo info();

  /** Stops the child process. Idempotent; never throws. */
  @Override
  void close();
}
