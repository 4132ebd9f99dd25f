package dev.orca.kernel;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What running one cell produced. A closed set: the cell succeeded ({@link Success}), did not
 * compile ({@link CompileError}), threw ({@link UserException}), was stopped by its timeout or an
 * interrupt with the kernel's state kept ({@link Stopped}), or the kernel process died or had to be
 * killed and was rebuilt ({@link Died}).
 */
public sealed interface ExecutionResult
    permits ExecutionResult.Success,
        ExecutionResult.CompileError,
        ExecutionResult.UserException,
        ExecutionResult.Stopped,
        ExecutionResult.Died {

  /** Output the cell printed before it ended, bounded. */
  Output output();

  /** Wall time the host spent on the cell. */
  Duration duration();

  /** Whether the cell ran to its end without an error. */
  default boolean ok() {
    return this instanceof Success;
  }

  /**
   * The cell ran to its end.
   *
   * @param value the last expression's value as text, or {@code null} when the cell ended with a
   *     statement or declaration
   * @param valueType the value's static type as JShell names it, or {@code null}
   * @param valueTruncated whether {@code value} was cut to the output cap
   * @param output printed output
   * @param duration host wall time
   */
  record Success(
      String value, String valueType, boolean valueTruncated, Output output, Duration duration)
      implements ExecutionResult {
    /** Validates. */
    public Success {
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /**
   * A snippet of the cell did not compile; it and the snippets after it did not run.
   *
   * @param snippetIndex 0-based index of the failing snippet within the cell
   * @param diagnostics compiler errors, positions in the cell's own coordinates
   * @param output output printed by earlier snippets of the cell
   * @param duration host wall time
   */
  record CompileError(
      int snippetIndex, List<Diagnostic> diagnostics, Output output, Duration duration)
      implements ExecutionResult {
    /** Validates and copies. */
    public CompileError {
      diagnostics = List.copyOf(diagnostics);
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(duration, "duration");
    }

    /** The first diagnostic's message, for one-line reports. */
    public String message() {
      return diagnostics.isEmpty() ? "does not compile" : diagnostics.get(0).message();
    }
  }

  /**
   * A snippet threw; the snippets after it did not run.
   *
   * @param snippetIndex 0-based index of the failing snippet within the cell
   * @param exceptionType the thrown exception's class name
   * @param message its message, or {@code null}
   * @param line 1-based line in the cell where it was thrown, or 0 when unknown
   * @param stackTrace user frames only, bounded
   * @param output printed output
   * @param duration host wall time
   */
  record UserException(
      int snippetIndex,
      String exceptionType,
      String message,
      int line,
      List<String> stackTrace,
      Output output,
      Duration duration)
      implements ExecutionResult {
    /** Validates and copies. */
    public UserException {
      Objects.requireNonNull(exceptionType, "exceptionType");
      stackTrace = List.copyOf(stackTrace);
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /**
   * The cell was stopped (timeout or interrupt) and the kernel kept its state.
   *
   * @param snippetIndex 0-based index of the snippet that was running
   * @param reason why it was stopped, e.g. "timed out after 30 s"
   * @param output output printed before the stop
   * @param duration host wall time
   */
  record Stopped(int snippetIndex, String reason, Output output, Duration duration)
      implements ExecutionResult {
    /** Validates. */
    public Stopped {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /**
   * The kernel process died (crash, out of memory, killed) or had to be killed because a soft stop
   * failed. A new process was started; {@code restore} says what was kept.
   *
   * @param cause what happened, e.g. "the cell did not stop within 3 s of its timeout"
   * @param restore what was replayed, restored and lost
   * @param output output printed before the death
   * @param duration host wall time, including the restart
   */
  record Died(String cause, RestoreReport restore, Output output, Duration duration)
      implements ExecutionResult {
    /** Validates. */
    public Died {
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(restore, "restore");
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(duration, "duration");
    }
  }
}
