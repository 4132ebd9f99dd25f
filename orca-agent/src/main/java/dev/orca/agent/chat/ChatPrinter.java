package dev.orca.agent.chat;

import dev.orca.agent.AgentListener;
import dev.orca.agent.TurnUsage;
import dev.orca.agent.context.Compaction;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a chat turn as it happens: the answer's text as it streams, and one dim line per tool
 * call.
 */
public final class ChatPrinter implements AgentListener {
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";

  private final PrintWriter out;
  private final boolean color;
  private final boolean verbose;
  private boolean midLine;

  /**
   * Creates a printer.
   *
   * @param out the terminal's writer
   * @param color whether to use ANSI dim for tool lines
   * @param verbose whether to print per-turn tokens
   */
  public ChatPrinter(PrintWriter out, boolean color, boolean verbose) {
    this.out = out;
    this.color = color;
    this.verbose = verbose;
  }

  @Override
  public void partialText(String text) {
    out.print(text);
    midLine = !text.endsWith("\n");
    out.flush();
  }

  @Override
  public void toolCalled(int step, String tool, String preview) {
    newline();
    dim("· " + tool + " " + preview);
  }

  @Override
  public void toolFinished(int step, String tool, boolean ok, String summary) {
    if (!ok) {
      dim("  ! " + summary);
    }
  }

  @Override
  public void compacted(Compaction c) {
    if (verbose) {
      dim(
          String.format(
              Locale.ROOT,
              "· context compacted: ~%,d -> ~%,d tokens",
              c.tokensBefore(),
              c.tokensAfter()));
    }
  }

  @Override
  public void turnFinished(TurnUsage turn, long sessionInput, long sessionOutput) {
    if (verbose) {
      newline();
      dim(
          String.format(
              Locale.ROOT,
              "· step %d: %,d in / %,d out tokens%s",
              turn.step(),
              turn.inputTokens(),
              turn.outputTokens(),
              turn.estimated() ? " (estimated)" : ""));
    }
  }

  /** Ends the answer's line. */
  public void finish() {
    newline();
    out.flush();
  }

  private void newline() {
    if (midLine) {
      out.println();
      midLine = false;
    }
  }

  private void dim(String line) {
    out.println(color ? DIM + line + RESET : line);
    out.flush();
  }
}
