package dev.orca.cli.bench;

import dev.orca.agent.bench.ContextBench;
import dev.orca.agent.bench.ContextBenchReport;
import dev.orca.cli.CommonOptions;
import dev.orca.cli.ExitCodes;
import dev.orca.cli.OrcaRuntime;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code orca bench context}: tokens and requests of Orca vs a traditional tool-calling agent on
 * the 100-transcript task, and Orca's overhead per step.
 */
@Command(
    name = "context",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the 100-transcript task (load, count, filter, summarise) through Orca (a scripted"
          + " model writing code into the real kernel) and through a traditional agent (every catalog"
          + " tool upfront, every tool result through the context); reports input and output tokens and"
          + " requests per turn and in total, the ratios, and Orca's overhead per step."
    })
public final class ContextBenchCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Tool catalog in JSON Lines (default ${DEFAULT-VALUE}).")
  Path catalog = Path.of("../shared/data/tools/catalog.jsonl");

  @Option(
      names = "--transcripts",
      description = "Transcripts to generate (default ${DEFAULT-VALUE}).")
  int transcripts = 100;

  @Option(
      names = "--repeats",
      description = "Times Orca's side runs, for the overhead medians (default ${DEFAULT-VALUE}).")
  int repeats = 5;

  @Option(
      names = "--reads-per-turn",
      description = "Files the baseline reads per model turn (default ${DEFAULT-VALUE}).")
  int readsPerTurn = 10;

  @Override
  public Integer call() {
    try (OrcaRuntime runtime = OrcaRuntime.open(common)) {
      System.err.println("orca bench context: starting the kernel …");
      ContextBenchReport report =
          ContextBench.run(
              runtime.kernel(),
              runtime.home().workspace(),
              new ContextBench.Options(catalog, transcripts, repeats, readsPerTurn));
      System.out.print(report.markdown());
      return report.answersAgree() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}
