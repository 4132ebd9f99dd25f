package dev.orca.cli.repl;

import dev.orca.cli.CommonOptions;
import dev.orca.cli.OrcaRuntime;
import dev.orca.cli.VersionProvider;
import dev.orca.cli.mcp.OrcaTools;
import dev.orca.cli.sessions.RunSession;
import dev.orca.cli.sessions.SessionOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code orca repl}: the kernel without a model. At a terminal it uses JLine (history, multi-line
 * cells, completion, Ctrl-C stops the running cell); with stdin from a file or pipe it runs the
 * script plainly, printing values bare and errors to stderr, and exits 0 when every cell succeeded,
 * 1 when any failed. The run works in a session ({@code --session NAME}, else a generated name),
 * checkpointed after every successful cell; an existing session is resumed first.
 */
@Command(
    name = "repl",
    mixinStandardHelpOptions = true,
    description = {
      "Type Java into Orca's persistent kernel (no model needed).",
      "With stdin from a file or pipe, runs it as a script: exit 0 when every cell succeeded,"
          + " 1 when any failed."
    })
public final class ReplCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Mixin SessionOptions session = new SessionOptions();

  @Option(
      names = "--plain",
      description = "Read stdin plainly even at a terminal (no prompts, no line editing).")
  boolean plain;

  @Override
  public Integer call() {
    try (OrcaRuntime runtime = OrcaRuntime.open(common, session.request("repl"))) {
      runtime.startKernel();
      RunSession run = runtime.session().orElseThrow();
      if (run.resume()) {
        // the resume report goes to stderr before the first prompt or output
        runtime.kernel();
      }
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
      Runnable skills = skillsLister(runtime);
      OrcaTools tools = new OrcaTools(runtime);
      if (plain || !stdinIsTerminal()) {
        StreamLineSource source = new StreamLineSource(System.in);
        return new Repl(source, out, err, runtime::kernel, tools, runtime.defaultTimeout(), skills)
            .run();
      }
      Repl[] repl = new Repl[1];
      try (TerminalLineSource source =
          new TerminalLineSource(
              runtime::kernel,
              runtime.home().root().resolve("repl_history"),
              () -> {
                if (repl[0] != null) {
                  repl[0].interruptRunningCell();
                }
              })) {
        PrintStream termOut =
            new PrintStream(source.terminal().output(), true, StandardCharsets.UTF_8);
        termOut.println(
            "Orca "
                + VersionProvider.version()
                + " REPL. Home: "
                + runtime.home().root()
                + ", "
                + run.describe()
                + ". Type Java, or :help.");
        repl[0] =
            new Repl(
                source, termOut, err, runtime::kernel, tools, runtime.defaultTimeout(), skills);
        return repl[0].run();
      }
    }
  }

  /** Runs {@code orca skills list} when that command exists, else {@code null}. */
  private Runnable skillsLister(OrcaRuntime runtime) {
    CommandLine main = dev.orca.cli.OrcaMain.commandLine();
    if (!main.getSubcommands().containsKey("skills")) {
      return null;
    }
    String home = runtime.home().root().toString();
    return () -> main.execute("skills", "list", "--home", home);
  }

  private static boolean stdinIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // JDK 22+: a Console exists even when not attached to a terminal
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
