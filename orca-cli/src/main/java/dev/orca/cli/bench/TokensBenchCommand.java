package dev.orca.cli.bench;

import dev.orca.cli.ExitCodes;
import dev.orca.tools.bench.TokenBenchmark;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orca bench tokens}: Orca's upfront tokens vs loading every tool definition. */
@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    description = {
      "Counts (o200k_base and cl100k_base) Orca's upfront context - system prompt and the two"
          + " meta-tools - against every catalog tool definition as a traditional MCP client sends them,"
          + " in total, per catalog part and per server."
    })
public final class TokensBenchCommand implements Callable<Integer> {

  @Option(
      names = "--catalog",
      required = true,
      paramLabel = "FILE",
      description = "Tool catalog (JSON Lines).")
  Path catalog;

  @Option(
      names = "--servers",
      description = "How many of the largest servers to list (default ${DEFAULT-VALUE}).")
  int servers = 30;

  @Override
  public Integer call() {
    System.out.print(TokenBenchmark.format(TokenBenchmark.run(catalog), servers));
    return ExitCodes.OK;
  }
}
