package dev.orca.cli.mcp;

import dev.orca.kernel.Diagnostic;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Output;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a kernel {@link ExecutionResult} into {@code execute_code}'s answer (DESIGN.md §2.4):
 * {@code stdout, stderr, value, value_type, error (null or {type, message, line}), duration_ms,
 * truncated}, with a text block and, for failures, a message a model can act on.
 */
public final class ExecutionMapper {

  /** Error type of a cell that did not compile. */
  public static final String COMPILE_ERROR = "compile_error";

  /** Error type of a cell stopped by its timeout or an interrupt (state kept). */
  public static final String STOPPED = "stopped";

  /** Error type of a cell whose kernel died and was rebuilt. */
  public static final String KERNEL_DIED = "kernel_died";

  private ExecutionMapper() {}

  /**
   * Maps a result.
   *
   * @param result what the kernel returned
   * @return the tool answer; {@code error} is set for everything but a success
   */
  public static ToolAnswer map(ExecutionResult result) {
    Map<String, Object> m = new LinkedHashMap<>();
    Output out = result.output();
    m.put("stdout", out.stdout());
    m.put("stderr", out.stderr());
    m.put("value", null);
    m.put("value_type", null);
    m.put("error", null);
    m.put("duration_ms", result.duration().toMillis());
    boolean truncated = out.truncated();
    StringBuilder text = new StringBuilder();
    String errorMessage;
    if (result instanceof ExecutionResult.Success s) {
      m.put("value", s.value());
      m.put("value_type", s.valueType());
      truncated |= s.valueTruncated();
      errorMessage = null;
    } else if (result instanceof ExecutionResult.CompileError c) {
      Diagnostic first = c.diagnostics().isEmpty() ? null : c.diagnostics().get(0);
      StringBuilder msg = new StringBuilder();
      if (first == null) {
        msg.append("the code does not compile");
      } else {
        msg.append(first.message());
        if (first.column() > 0) {
          msg.append(" (line ").append(first.line()).append(", column ").append(first.column());
          msg.append(")");
        }
      }
      for (int i = 1; i < c.diagnostics().size() && i < 5; i++) {
        Diagnostic d = c.diagnostics().get(i);
        msg.append("; line ").append(d.line()).append(": ").append(d.message());
      }
      m.put("error", error(COMPILE_ERROR, msg.toString(), first == null ? null : first.line()));
      errorMessage =
          "Compile error in snippet "
              + (c.snippetIndex() + 1)
              + " of the cell"
              + (first == null ? "" : " at line " + first.line())
              + ": "
              + msg
              + ". Snippets before it ran; it and the ones after did not. Fix the code and run"
              + " it again.";
    } else if (result instanceof ExecutionResult.UserException u) {
      String message = u.message() == null ? "" : u.message();
      m.put("error", error(u.exceptionType(), message, u.line() > 0 ? u.line() : null));
      StringBuilder msg = new StringBuilder();
      msg.append(u.exceptionType());
      if (!message.isEmpty()) {
        msg.append(": ").append(message);
      }
      if (u.line() > 0) {
        msg.append(" at line ").append(u.line());
      }
      msg.append(" (snippet ").append(u.snippetIndex() + 1).append(" of the cell).");
      if (!u.stackTrace().isEmpty()) {
        msg.append("\n  at ").append(String.join("\n  at ", u.stackTrace()));
      }
      msg.append("\nEarlier snippets ran and their variables are kept; fix the failing code.");
      errorMessage = msg.toString();
    } else if (result instanceof ExecutionResult.Stopped st) {
      String message =
          "The cell was stopped: "
              + st.reason()
              + ". Kernel state was kept. Make the code faster, work on smaller pieces, or pass"
              + " a larger timeout_seconds (at most 60).";
      m.put("error", error(STOPPED, message, null));
      errorMessage = message;
    } else {
      ExecutionResult.Died d = (ExecutionResult.Died) result;
      String message =
          "The kernel process died ("
              + d.cause()
              + ") and was restarted. "
              + d.restore().describe()
              + (d.restore().lostVariables().isEmpty()
                  ? ""
                  : " Recompute the lost variables before using them.");
      m.put("error", error(KERNEL_DIED, message, null));
      errorMessage = message;
    }
    m.put("truncated", truncated);
    appendOutput(text, out, m);
    if (errorMessage != null) {
      text.append("Error: ").append(errorMessage).append('\n');
    }
    if (truncated) {
      text.append(
          "(Output was truncated. Print a summary instead, or keep the data in a variable and use"
              + " inspect_variable.)\n");
    }
    if (text.length() == 0) {
      text.append("(no output)");
    }
    return new ToolAnswer(m, text.toString().stripTrailing(), errorMessage != null);
  }

  private static void appendOutput(StringBuilder text, Output out, Map<String, Object> m) {
    if (!out.stdout().isEmpty()) {
      text.append(out.stdout());
      if (!out.stdout().endsWith("\n")) {
        text.append('\n');
      }
    }
    if (!out.stderr().isEmpty()) {
      text.append("[stderr]\n").append(out.stderr());
      if (!out.stderr().endsWith("\n")) {
        text.append('\n');
      }
    }
    if (m.get("value") != null) {
      text.append("==> ").append(m.get("value"));
      if (m.get("value_type") != null) {
        text.append("  (").append(m.get("value_type")).append(')');
      }
      text.append('\n');
    }
  }

  private static Map<String, Object> error(String type, String message, Integer line) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("type", type);
    e.put("message", message);
    e.put("line", line);
    return e;
  }
}
