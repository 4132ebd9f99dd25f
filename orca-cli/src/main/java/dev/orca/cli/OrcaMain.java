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
public final class OrcaMain implements java.util.concurrent.Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    if (!ErrorHandler.debugEnv()) {
      // kernel and library INFO logs (java.util.logging) would clutter the REPL's stderr
      java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }
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
    cl.addSubcommand(new dev.orca.cli.skills.SkillsCommand());
    cl.addSubcommand(new dev.orca.cli.eval.EvalCommand());
    cl.addSubcommand(new dev.orca.cli.run.RunCommand());
    cl.addSubcommand(new dev.orca.cli.chat.ChatCommand());
    cl.addSubcommand(new dev.orca.cli.bench.BenchCommand());
    ErrorHandler errors = new ErrorHandler(ErrorHandler.debugEnv());
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    return cl;
  }

  /**
   * Bare {@code orca}: chat when a model is configured (or when a person can be offered the REPL),
   * else the usage and how to configure a model.
   */
  @Override
  public Integer call() {
    if (dev.orca.cli.chat.ChatCommand.modelConfigured() || System.console() != null) {
      return spec.commandLine().getSubcommands().get("chat").execute();
    }
    spec.commandLine().usage(System.out);
    System.err.println();
    System.err.println(
        "orca: no model is configured. " + dev.orca.agent.provider.ModelConfig.HOW_TO_CONFIGURE);
    System.err.println("Without a model, `orca repl` gives you the kernel: type Java directly.");
    return ExitCodes.USAGE;
  }
}
