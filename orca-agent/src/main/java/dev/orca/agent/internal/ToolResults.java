package dev.orca.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orca.kernel.Diagnostic;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Output;
import java.util.List;

/**
 * Renders tool results as the compact, bounded text a model sees: what was printed, the value,
 * errors with their line, and a note on how to see more when something was cut.
 */
public final class ToolResults {

  /** What to do when output was cut. */
  public static final String HOW_TO_SEE_MORE =
      "Print less (counts, a few rows, a slice), or keep the data in a variable and call"
          + " inspectVariable(\"name\").";

  private ToolResults() {}

  /**
   * Renders a kernel result.
   *
   * @param result the result
   * @param cap the most characters to return
   * @return the text
   */
  public static String execution(ExecutionResult result, int cap) {
    StringBuilder sb = new StringBuilder();
    long ms = result.duration().toMillis();
    if (result instanceof ExecutionResult.Success s) {
      sb.append("ok (").append(ms).append(" ms)\n");
      appendOutput(sb, s.output());
      if (s.value() != null) {
        sb.append("value");
        if (s.valueType() != null) {
          sb.append(" (").append(s.valueType()).append(')');
        }
        sb.append(": ").append(s.value());
        if (s.valueTruncated()) {
          sb.append("\n[value cut by the kernel's output cap. ")
              .append(HOW_TO_SEE_MORE)
              .append(']');
        }
        sb.append('\n');
      }
    } else if (result instanceof ExecutionResult.CompileError c) {
      sb.append("compile error in snippet ")
          .append(c.snippetIndex() + 1)
          .append(" (nothing of it ran");
      sb.append(c.snippetIndex() > 0 ? "; earlier snippets ran)\n" : ")\n");
      List<Diagnostic> ds = c.diagnostics();
      for (int i = 0; i < Math.min(5, ds.size()); i++) {
        Diagnostic d = ds.get(i);
        sb.append("line ").append(d.line()).append(':').append(d.column()).append(": ");
        sb.append(d.message()).append('\n');
      }
      if (ds.size() > 5) {
        sb.append("(").append(ds.size() - 5).append(" more)\n");
      }
      appendOutput(sb, c.output());
    } else if (result instanceof ExecutionResult.UserException u) {
      sb.append("exception ").append(u.exceptionType());
      if (u.message() != null) {
        sb.append(": ").append(u.message());
      }
      if (u.line() > 0) {
        sb.append(" (line ").append(u.line()).append(")");
      }
      sb.append('\n');
      for (int i = 0; i < Math.min(6, u.stackTrace().size()); i++) {
        sb.append("  at ").append(u.stackTrace().get(i)).append('\n');
      }
      appendOutput(sb, u.output());
      sb.append("Variables defined before the failure are kept.\n");
    } else if (result instanceof ExecutionResult.Stopped st) {
      sb.append("stopped: ").append(st.reason()).append(" (the kernel kept its state)\n");
      appendOutput(sb, st.output());
    } else if (result instanceof ExecutionResult.Died d) {
      sb.append("the kernel died: ").append(d.cause()).append('\n');
      sb.append(d.restore().describe()).append('\n');
      appendOutput(sb, d.output());
    }
    return bound(sb.toString().strip(), cap);
  }

  private static void appendOutput(StringBuilder sb, Output out) {
    if (!out.stdout().isEmpty()) {
      sb.append("stdout:\n").append(out.stdout());
      if (!out.stdout().endsWith("\n")) {
        sb.append('\n');
      }
      if (out.stdoutTruncated()) {
        sb.append("[stdout cut by the kernel's output cap. ").append(HOW_TO_SEE_MORE).append("]\n");
      }
    }
    if (!out.stderr().isEmpty()) {
      sb.append("stderr:\n").append(out.stderr());
      if (!out.stderr().endsWith("\n")) {
        sb.append('\n');
      }
      if (out.stderrTruncated()) {
        sb.append("[stderr cut by the kernel's output cap]\n");
      }
    }
  }

  /**
   * Renders {@code searchTools} results ({@code {"results":[{name,kind,signature,description,
   * score}]}}).
   *
   * @param query the query
   * @param answer the bridge's answer
   * @param cap the most characters to return
   * @return the text
   */
  public static String search(String query, JsonNode answer, int cap) {
    JsonNode results = answer == null ? null : answer.get("results");
    if (results == null || !results.isArray() || results.isEmpty()) {
      return "No tools, functions or agents match \"" + query + "\". Try other words or a name.";
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode r : results) {
      sb.append("- ").append(r.path("name").asText());
      String kind = r.path("kind").asText("");
      if (!kind.isEmpty()) {
        sb.append(" [").append(kind).append(']');
      }
      String sig = r.path("signature").asText("");
      if (!sig.isEmpty()) {
        sb.append("\n  ").append(sig);
      }
      String desc = r.path("description").asText("");
      if (!desc.isEmpty()) {
        sb.append("\n  ").append(clip(desc.replaceAll("\\s+", " "), 240));
      }
      if (r.has("score")) {
        sb.append(String.format(java.util.Locale.ROOT, " (score %.2f)", r.get("score").asDouble()));
      }
      sb.append('\n');
    }
    sb.append("Call these from execute_code.");
    return bound(sb.toString(), cap);
  }

  /**
   * Cuts text to a cap, keeping its head and tail and saying what was cut.
   *
   * @param text the text
   * @param cap the most characters
   * @return the bounded text
   */
  public static String bound(String text, int cap) {
    if (text.length() <= cap) {
      return text;
    }
    String note =
        "\n[... output cut: showed "
            + (cap * 3 / 4 + cap / 8)
            + " of "
            + text.length()
            + " chars. "
            + HOW_TO_SEE_MORE
            + " ...]\n";
    int head = cap * 3 / 4;
    int tail = cap / 8;
    return text.substring(0, head) + note + text.substring(text.length() - tail);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
