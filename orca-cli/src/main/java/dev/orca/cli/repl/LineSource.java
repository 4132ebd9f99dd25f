package dev.orca.cli.repl;

/** Where the REPL reads its input from: a terminal (JLine) or a plain stream (scripts, tests). */
interface LineSource extends AutoCloseable {

  /**
   * Reads the next line (or, from a terminal, the next complete cell).
   *
   * @param continuation whether a cell is being continued (for the prompt)
   * @return the line without its terminator, or {@code null} at the end of input
   * @throws MalformedLineException when the line is not valid UTF-8
   * @throws InterruptedLineException when the user pressed Ctrl-C while typing
   */
  String readLine(boolean continuation);

  /** Whether results are shown to a person at a terminal (prompts, banners) or plainly. */
  boolean interactive();

  /**
   * Runs a cell's work; a terminal source watches for Ctrl-C meanwhile (and keeps the terminal from
   * sending SIGINT to the kernel's child process).
   *
   * @param work the cell's execution
   * @param <T> its result type
   * @return its result
   */
  default <T> T whileRunning(java.util.function.Supplier<T> work) {
    return work.get();
  }

  @Override
  default void close() {}

  /** A line of input that is not valid UTF-8; it is skipped. */
  final class MalformedLineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long lineNumber;

    MalformedLineException(long lineNumber, String detail) {
      super(detail);
      this.lineNumber = lineNumber;
    }

    /** The 1-based number of the bad line. */
    long lineNumber() {
      return lineNumber;
    }
  }

  /** The user abandoned the line they were typing (Ctrl-C). */
  final class InterruptedLineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InterruptedLineException() {
      super("interrupted");
    }
  }
}
