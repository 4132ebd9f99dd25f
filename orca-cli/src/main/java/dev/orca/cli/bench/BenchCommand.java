package dev.orca.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code orca bench}: a container for the benchmarks; each is its own subcommand. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks you can rerun; each prints its command's figures.",
    subcommands = {
      DiscoveryBenchCommand.class,
      TokensBenchCommand.class,
      ContextBenchCommand.class,
      KernelBenchCommand.class,
      SubagentBenchCommand.class,
      SessionsBenchCommand.class
    })
public final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
