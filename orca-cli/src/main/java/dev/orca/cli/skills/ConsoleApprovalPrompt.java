package dev.orca.cli.skills;

import dev.orca.skills.ApprovalPrompt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Answers {@code [skills] approval = "ask"} on the terminal: shows what was generated and asks
 * whether to deploy it. Without an answer (end of input) the skill waits for {@code orca skills
 * approve NAME}.
 */
public final class ConsoleApprovalPrompt implements ApprovalPrompt {

  private final BufferedReader in;
  private final PrintStream out;

  /**
   * Creates a prompt.
   *
   * @param in where answers are read
   * @param out where the question is written (stderr in the CLI)
   */
  public ConsoleApprovalPrompt(BufferedReader in, PrintStream out) {
    this.in = in;
    this.out = out;
  }

  @Override
  public Decision ask(String summary) {
    out.println(summary);
    out.print("Deploy it? [y]es / [n]o (reject) / [l]ater: ");
    out.flush();
    try {
      String line = in.readLine();
      if (line == null) {
        return Decision.LATER;
      }
      String a = line.strip().toLowerCase(Locale.ROOT);
      if (a.startsWith("y")) {
        return Decision.APPROVE;
      }
      return a.startsWith("n") ? Decision.REJECT : Decision.LATER;
    } catch (IOException e) {
      return Decision.LATER;
    }
  }
}
