package dev.orca.agent;

import dev.orca.agent.context.Compaction;
import dev.orca.agent.provider.ProviderFailure;
import dev.orca.agent.provider.Retrier;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress lines for {@code orca run} on stderr: each step with its tool and the tokens so far;
 * with {@code verbose} also each turn's input and output tokens, compactions and retries.
 */
public final class ProgressPrinter implements AgentListener, Retrier.Listener {
  private final PrintStream out;
  private final boolean verbose;

  /**
   * Creates a printer.
   *
   * @param out where to print (stderr)
   * @param verbose whether to print per-turn detail
   */
  public ProgressPrinter(PrintStream out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  @Override
  public void requestSent(int step, int estimatedTokens) {
    if (verbose) {
      out.printf(Locale.ROOT, "[step %d] asking the model (~%,d tokens)%n", step, estimatedTokens);
    }
  }

  @Override
  public void toolCalled(int step, String tool, String preview) {
    out.printf(Locale.ROOT, "[step %d] %s %s%n", step, tool, preview);
  }

  @Override
  public void toolFinished(int step, String tool, boolean ok, String summary) {
    if (verbose || !ok) {
      out.printf(Locale.ROOT, "[step %d]   -> %s%n", step, summary);
    }
  }

  @Override
  public void turnFinished(TurnUsage turn, long sessionInput, long sessionOutput) {
    String est = turn.estimated() ? " (estimated)" : "";
    if (verbose) {
      out.printf(
          Locale.ROOT,
          "[step %d] %,d in / %,d out tokens%s, model %d ms, tools %d ms, Orca %d ms; total %,d in"
              + " / %,d out%n",
          turn.step(),
          turn.inputTokens(),
          turn.outputTokens(),
          est,
          turn.modelLatency().toMillis(),
          turn.toolTime().toMillis(),
          turn.overhead().toMillis(),
          sessionInput,
          sessionOutput);
    } else {
      out.printf(
          Locale.ROOT,
          "[step %d] tokens so far: %,d in / %,d out%s%n",
          turn.step(),
          sessionInput,
          sessionOutput,
          est);
    }
  }

  @Override
  public void compacted(Compaction c) {
    if (verbose) {
      out.printf(
          Locale.ROOT,
          "[context] compacted %d old messages: ~%,d -> ~%,d tokens%n",
          c.messagesDropped(),
          c.tokensBefore(),
          c.tokensAfter());
    }
  }

  @Override
  public void retrying(int attempt, Duration delay, ProviderFailure failure) {
    out.printf(
        Locale.ROOT,
        "[model] attempt %d failed (%s%s); retrying in %.1f s%n",
        attempt,
        failure.status() > 0
            ? "HTTP " + failure.status()
            : failure.kind().name().toLowerCase(Locale.ROOT),
        failure.detail().isEmpty() ? "" : ": " + clip(failure.detail()),
        delay.toMillis() / 1000.0);
  }

  /**
   * The closing line of a run: steps, tokens, time.
   *
   * @param r the run
   * @return the line
   */
  public static String summary(RunResult r) {
    return String.format(
        Locale.ROOT,
        "orca: %s after %d step(s): %,d input + %,d output tokens%s, largest request %,d, %.1f s%s",
        r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        r.requests(),
        r.inputTokens(),
        r.outputTokens(),
        r.anyEstimated() ? " (some estimated with o200k)" : "",
        r.largestRequest(),
        r.elapsed().toMillis() / 1000.0,
        r.compactions() > 0 ? ", context compacted " + r.compactions() + "x" : "");
  }

  private static String clip(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "…";
  }
}
