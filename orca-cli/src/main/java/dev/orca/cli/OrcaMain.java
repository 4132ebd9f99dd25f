package dev.orca.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
    System.exit(commandLine(args.length == 0 ? null : args[0]).execute(args));
  }

  /** The configured picocli command line with every subcommand (also used by tests). */
  public static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * The configured picocli command line for one invocation: when the first argument names a
   * subcommand, only that one is built. Picocli reflects over every registered command when it is
   * registered, which is a fifth of the time {@code orca mcp} needs before it can answer {@code
   * initialize}.
   *
   * @param first the first command-line argument, or {@code null}
   * @return the command line
   */
  static CommandLine commandLine(String first) {
    CommandLine cl = new CommandLine(new OrcaMain());
    boolean one = first != null && SUBCOMMANDS.containsKey(first);
    SUBCOMMANDS.forEach(
        (name, command) -> {
          if (!one || name.equals(first)) {
            cl.addSubcommand(name, command.get());
          }
        });
    ErrorHandler errors = new ErrorHandler(ErrorHandler.debugEnv());
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    return cl;
  }

  /** The subcommands by name, in the order the usage lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("repl", dev.orca.cli.repl.ReplCommand::new);
    m.put("mcp", dev.orca.cli.mcp.McpCommand::new);
    m.put("doctor", dev.orca.cli.doctor.DoctorCommand::new);
    m.put("sessions", dev.orca.cli.sessions.SessionsCommand::new);
    m.put("analyze", dev.orca.cli.analyze.AnalyzeCommand::new);
    m.put("skills", dev.orca.cli.skills.SkillsCommand::new);
    m.put("eval", dev.orca.cli.eval.EvalCommand::new);
    m.put("run", dev.orca.cli.run.RunCommand::new);
    m.put("chat", dev.orca.cli.chat.ChatCommand::new);
    m.put("bench", dev.orca.cli.bench.BenchCommand::new);
    return m;
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
