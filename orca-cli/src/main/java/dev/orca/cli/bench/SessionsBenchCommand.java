package dev.orca.cli.bench;

import dev.orca.kernel.SandboxMode;
import dev.orca.skills.session.bench.SessionBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orca bench sessions}: save, load and checkpoint a 50-variable, 10 MB session. */
@Command(
    name = "sessions",
    mixinStandardHelpOptions = true,
    description = {
      "Builds a session of 50 variables and about 10 MB of data (tables, lists of records, maps,"
          + " strings, small values) in a real kernel, then times save (snapshot + write), load (read +"
          + " restore into a kernel, with and without a trained spare kernel JVM) and an"
          + " auto-checkpoint; prints medians, and the resident memory of the idle spare and of an"
          + " empty kernel (Linux)."
    })
public final class SessionsBenchCommand implements Callable<Integer> {

  @Option(names = "--iterations", description = "Timed runs (default ${DEFAULT-VALUE}).")
  int iterations = 5;

  @Option(
      names = "--sandbox",
      paramLabel = "MODE",
      description = "Kernel sandbox: off, auto or strict (default ${DEFAULT-VALUE}).")
  String sandbox = "off";

  @Override
  public Integer call() throws Exception {
    SandboxMode mode;
    try {
      mode = SandboxMode.valueOf(sandbox.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      System.err.println(
          "orca bench sessions: unknown sandbox '" + sandbox + "' (off, auto, strict)");
      return 2;
    }
    if (iterations < 1) {
      System.err.println("orca bench sessions: --iterations must be at least 1");
      return 2;
    }
    Path dir = Files.createTempDirectory("orca-bench-sessions");
    SessionBenchmark.Result result =
        SessionBenchmark.run(
            new SessionBenchmark.Options(dir, iterations, mode),
            line -> System.err.println("  " + line));
    System.out.print(result.render());
    return 0;
  }
}
