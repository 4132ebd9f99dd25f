package dev.orca.cli.bench;

import dev.orca.cli.ExitCodes;
import dev.orca.core.OrcaHome;
import dev.orca.tools.bench.DiscoveryBenchmark;
import dev.orca.tools.search.EmbeddingToolIndex;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orca bench discovery}: tool-search recall, MRR and latency on a catalog and queries. */
@Command(
    name = "discovery",
    mixinStandardHelpOptions = true,
    description =
        "Searches each query against its own part of the catalog "
            + "(catalog_source) and prints recall@1, recall@k (per need group), MRR, "
            + "p50/p95 latency, index build time and heap.")
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
      description =
          "Top score that counts as a match (default ${DEFAULT-VALUE}, where no "
              + "infeasible query of the shared data matches with bge-small; about 0.40 "
              + "for minilm).")
  double matchThreshold = 0.65;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      description =
          "In-process embedding model: bge-small (BGE small en v1.5, quantized; "
              + "the default) or minilm (all-MiniLM-L6-v2).")
  String model;

  @Option(
      names = "--interleave",
      paramLabel = "HEAD",
      description =
          "Answer a long, multi-part query by interleaving the rankings of its "
              + "parts with the whole query's (round robin; the whole query adds HEAD "
              + "hits in the first turn). Off by default.")
  Integer interleaveHead;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description =
          "Run the whole benchmark N times in one JVM and print each report "
              + "(default ${DEFAULT-VALUE}). Later runs show steady-state latency: the "
              + "first one's 20 warm-up queries leave the JIT compiling during the "
              + "timed ones.")
  int runs = 1;

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
    if (model != null) {
      if (!model.equals("bge-small") && !model.equals("minilm")) {
        System.err.println("orca: --model must be bge-small or minilm, not '" + model + "'.");
        return ExitCodes.USAGE;
      }
      // DiscoveryBenchmark builds its indexes with EmbeddingToolIndex.withDefaultModel.
      System.setProperty(EmbeddingToolIndex.MODEL_PROPERTY, model);
    }
    if (interleaveHead != null) {
      if (interleaveHead < 1) {
        System.err.println("orca: --interleave must be at least 1, got " + interleaveHead + ".");
        return ExitCodes.USAGE;
      }
      // Read by HybridToolSearch.Options.defaults().
      System.setProperty("orca.search.interleave", "true");
      System.setProperty("orca.search.interleaveHead", Integer.toString(interleaveHead));
    }
    if (runs < 1) {
      System.err.println("orca: --runs must be at least 1, got " + runs + ".");
      return ExitCodes.USAGE;
    }
    OrcaHome orcaHome = OrcaHome.resolve(home, System.getenv()).create();
    for (int run = 1; run <= runs; run++) {
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
      if (runs > 1) {
        System.out.printf(Locale.ROOT, "run %d of %d%n", run, runs);
      }
      System.out.print(DiscoveryBenchmark.format(report));
    }
    return ExitCodes.OK;
  }
}
