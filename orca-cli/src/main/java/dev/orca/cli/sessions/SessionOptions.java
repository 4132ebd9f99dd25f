package dev.orca.cli.sessions;

import picocli.CommandLine.Option;

/**
 * {@code --session NAME} for the commands that run cells ({@code orca repl}, {@code mcp}, {@code
 * run}, {@code chat}): use it as {@code @Mixin SessionOptions session;} and open the runtime with
 * {@code OrcaRuntime.open(common, session.request("repl"))}.
 */
public final class SessionOptions {

  @Option(
      names = "--session",
      paramLabel = "NAME",
      description = {
        "Work in session NAME: resumed when it exists (variables, definitions, learned skills),"
            + " created otherwise. The session is checkpointed after every successful cell"
            + " (learned_skills/sessions/NAME/). One process at a time: a second one on the same"
            + " session is refused (exit 2).",
        "Default: a new session named after the command and the time."
      })
  String name;

  /** The {@code --session} value, or {@code null}. */
  public String name() {
    return name;
  }

  /**
   * The request for a command's run.
   *
   * @param command the command, e.g. {@code repl}
   * @return {@code --session NAME}, or a generated name
   */
  public SessionRequest request(String command) {
    return SessionRequest.of(command, name);
  }
}
