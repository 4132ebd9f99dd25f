package dev.orca.kernel.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orca.kernel.Diagnostic;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Inspection;
import dev.orca.kernel.Output;
import dev.orca.kernel.RestoreReport;
import dev.orca.kernel.VariableInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns the kernel's JSON replies into the SPI's records, applying the host's output caps. */
public final class Replies {
  private Replies() {}

  /**
   * The result of an {@code execute} reply.
   *
   * @param reply the reply's result object
   * @param cap the output cap in characters
   * @param duration host wall time
   * @param stopReason why a stop was requested, used when the kernel reports a stop
   * @return the result
   */
  public static ExecutionResult execution(
      JsonNode reply, int cap, Duration duration, String stopReason) {
    Output output = output(reply, cap);
    int index = reply.path("snippetIndex").asInt(0);
    switch (reply.path("status").asText()) {
      case "compile_error":
        {
          List<Diagnostic> diagnostics = new ArrayList<>();
          for (JsonNode d : reply.path("diagnostics")) {
            diagnostics.add(
                new Diagnostic(
                    d.path("line").asInt(1),
                    d.path("column").asInt(1),
                    d.path("message").asText(),
                    d.path("code").asText("")));
          }
          return new ExecutionResult.CompileError(index, diagnostics, output, duration);
        }
      case "exception":
        {
          JsonNode ex = reply.path("exception");
          List<String> stack = new ArrayList<>();
          ex.path("stack").forEach(f -> stack.add(f.asText()));
          String message = ex.path("message").isNull() ? null : ex.path("message").asText(null);
          return new ExecutionResult.UserException(
              index,
              ex.path("type").asText("java.lang.Throwable"),
              message,
              ex.path("line").asInt(0),
              stack,
              output,
              duration);
        }
      case "stopped":
        return new ExecutionResult.Stopped(
            index, stopReason == null ? "stopped" : stopReason, output, duration);
      default:
        {
          String value = reply.hasNonNull("value") ? reply.get("value").asText() : null;
          String type = reply.hasNonNull("valueType") ? reply.get("valueType").asText() : null;
          boolean truncated = reply.path("valueTruncated").asBoolean(false);
          if (value != null && value.length() > cap) {
            value = value.substring(0, cap);
            truncated = true;
          }
          return new ExecutionResult.Success(value, type, truncated, output, duration);
        }
    }
  }

  /** Output of a reply, cut to the cap. */
  public static Output output(JsonNode reply, int cap) {
    String out = reply.path("stdout").asText("");
    String err = reply.path("stderr").asText("");
    boolean outCut = reply.path("stdoutTruncated").asBoolean(false) || out.length() > cap;
    boolean errCut = reply.path("stderrTruncated").asBoolean(false) || err.length() > cap;
    return new Output(cut(out, cap), cut(err, cap), outCut, errCut);
  }

  private static String cut(String text, int cap) {
    return text.length() > cap ? text.substring(0, cap) : text;
  }

  /** The variables of a {@code variables} reply. */
  public static List<VariableInfo> variables(JsonNode reply) {
    List<VariableInfo> out = new ArrayList<>();
    for (JsonNode v : reply) {
      out.add(
          new VariableInfo(
              v.path("name").asText(), v.path("type").asText(), v.path("summary").asText()));
    }
    return out;
  }

  /** The inspection of an {@code inspect} reply. */
  public static Inspection inspection(JsonNode reply) {
    return new Inspection(
        reply.path("name").asText(),
        reply.path("type").asText(),
        reply.path("runtimeType").asText("unknown"),
        reply.path("summary").asText());
  }

  /**
   * The report of a {@code restore} reply: {@code replayed}, {@code restored} (from data), {@code
   * recomputed} (by replay; counted as restored too) and {@code lost}.
   */
  public static RestoreReport restore(JsonNode reply) {
    List<String> replayed = new ArrayList<>();
    reply.path("replayed").forEach(n -> replayed.add(n.asText()));
    List<String> restored = new ArrayList<>();
    reply.path("restored").forEach(n -> restored.add(n.asText()));
    List<String> recomputed = new ArrayList<>();
    reply.path("recomputed").forEach(n -> recomputed.add(n.asText()));
    restored.addAll(recomputed);
    List<RestoreReport.LostVariable> lost = new ArrayList<>();
    reply
        .path("lost")
        .forEach(
            n ->
                lost.add(
                    new RestoreReport.LostVariable(
                        n.path("name").asText(), n.path("reason").asText())));
    return new RestoreReport(replayed, restored, lost, recomputed);
  }
}
