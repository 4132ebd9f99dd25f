package dev.orca.cli.bench;

import dev.orca.cli.ExitCodes;
import dev.orca.core.OrcaHome;
import dev.orca.tools.bench.DiscoveryBenchmark;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orca bench discovery}: tool-search recall, MRR and latency on a catalog and queries. */
@Command(
    name = "discovery",
    mixinStandardHelpOptions = true,
    description = {
      "Searches each query against its own part of the catalog (catalog_source) and prints",
      "recall@1, recall@k (per need group), MRR, p50/p95 latency, index build time and heap."
    })
public final class DiscoveryBenchCommand implements Callable<Integer> {

  @Option(
      names = "--catalog",
      required = true,
      paramLabel = "FILE",
      description = "Tool catalog (JSON Lines).")
  Path catalog;

  @Option(
      names = "--queries",
      required = true,
      paramLabel = "FILE",
      description = "Queries with ground truth (JSON Lines).")
  Path queries;

  @Option(names = "--k", description = "Recall cut-off (default ${DEFAULT-VALUE}).")
  int k = 5;

  @Option(
      names = "--results",
      paramLabel = "FILE",
      description = "Write one line per query: {id, ranked, ms}.")
  Path results;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "hybrid, bm25 or embedding (default ${DEFAULT-VALUE}).")
  String mode = "hybrid";

  @Option(
      names = "--full-catalog",
      description = "Search the whole catalog instead of each query's own part.")
  boolean fullCatalog;

  @Option(
      names = "--match-threshold",
      description = "Top score that counts as a match (default ${DEFAULT-VALUE}).")
  double matchThreshold = 0.5;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Orca home for the embedding cache (default: $ORCA_HOME, else ~/.orca).")
  Path home;

  @Override
  public Integer call() {
    DiscoveryBenchmark.Mode m;
    try {
      m = DiscoveryBenchmark.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      System.err.println("orca: --mode must be hybrid, bm25 or embedding, not '" + mode + "'.");
      return ExitCodes.USAGE;
    }
    OrcaHome orcaHome = OrcaHome.resolve(home, System.getenv()).create();
    DiscoveryBenchmark.Report report =
        DiscoveryBenchmark.run(
            new DiscoveryBenchmark.Settings(
                catalog,
                queries,
                k,
                m,
                results,
                orcaHome.cacheDir().resolve("embeddings"),
                matchThreshold,
                fullCatalog));
    System.out.print(DiscoveryBenchmark.format(report));
    return ExitCodes.OK;
  }
}
