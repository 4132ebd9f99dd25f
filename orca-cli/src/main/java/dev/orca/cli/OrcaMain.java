package dev.orca.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code orca} command. */
@Command(
    name = "orca",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A self-evolving code-mode agent for the JVM with a persistent Java kernel.",
    subcommands = {CommandLine.HelpCommand.class})
public final class OrcaMain implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured picocli command line (also used by tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new OrcaMain());
    // Subcommands, one per line (each engineer adds or edits only their own line).
    cl.addSubcommand(new dev.orca.cli.repl.ReplCommand());
    cl.addSubcommand(new dev.orca.cli.mcp.McpCommand());
    cl.addSubcommand(new dev.orca.cli.doctor.DoctorCommand());
    cl.addSubcommand(new dev.orca.cli.sessions.SessionsCommand());
    cl.addSubcommand(new dev.orca.cli.analyze.AnalyzeCommand());
    ErrorHandler errors = new ErrorHandler(ErrorHandler.debugEnv());
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
