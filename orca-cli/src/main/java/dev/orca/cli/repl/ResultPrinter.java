package dev.orca.cli.repl;

import dev.orca.kernel.Diagnostic;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Output;
import java.io.PrintStream;

/**
 * Prints a cell's result for a person or a script: the cell's own stdout to {@code out} and its
 * stderr to {@code err}; the value to {@code out} (bare in plain mode, {@code ==> value} at a
 * terminal); errors to {@code err}, one clear line each.
 */
final class ResultPrinter {

  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;

  ResultPrinter(PrintStream out, PrintStream err, boolean interactive) {
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  /** Prints a result; returns whether the cell succeeded. */
  boolean print(ExecutionResult result) {
    Output o = result.output();
    printStream(out, o.stdout());
    out.flush();
    printStream(err, o.stderr());
    if (result instanceof ExecutionResult.Success s) {
      if (s.value() != null) {
        out.println(interactive ? "==> " + s.value() : s.value());
      }
      if (s.valueTruncated()) {
        err.println("(the value was truncated; use :inspect on a variable to see its shape)");
      }
    } else if (result instanceof ExecutionResult.CompileError c) {
      if (c.diagnostics().isEmpty()) {
        err.println("error: the cell does not compile");
      }
      for (Diagnostic d : c.diagnostics()) {
        err.println(
            "error: line "
                + d.line()
                + (d.column() > 0 ? ", column " + d.column() : "")
                + ": "
                + d.message());
      }
      if (c.snippetIndex() > 0) {
        err.println("(snippets before number " + (c.snippetIndex() + 1) + " of the cell ran)");
      }
    } else if (result instanceof ExecutionResult.UserException u) {
      err.println(
          "exception: "
              + u.exceptionType()
              + (u.message() == null ? "" : ": " + u.message())
              + (u.line() > 0 ? " (line " + u.line() + ")" : ""));
      for (String frame : u.stackTrace()) {
        err.println("    at " + frame);
      }
    } else if (result instanceof ExecutionResult.Stopped st) {
      err.println("stopped: " + st.reason() + "; variables were kept.");
    } else if (result instanceof ExecutionResult.Died d) {
      err.println("kernel died: " + d.cause());
      err.println(d.restore().describe());
    }
    if (o.truncated()) {
      err.println("(output was truncated; print a summary, or keep data in a variable)");
    }
    err.flush();
    out.flush();
    return result.ok();
  }

  private static void printStream(PrintStream stream, String text) {
    if (!text.isEmpty()) {
      stream.print(text);
      if (!text.endsWith("\n")) {
        stream.println();
      }
    }
  }
}
