package dev.orca.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.OrcaException;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.search.EmbeddingToolIndex;
import dev.orca.tools.search.HybridToolSearch;
import dev.orca.tools.search.LuceneToolIndex;
import dev.orca.tools.search.ToolHit;
import dev.orca.tools.search.ToolSearch;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The tool-discovery benchmark: recall@1, recall@k (per need group, as the data README defines it),
 * MRR, search latency, index build time and heap, each query searched against the catalog part its
 * {@code catalog_source} names (or the whole catalog with {@code fullCatalog}).
 */
public final class DiscoveryBenchmark {

  /** Which ranking to measure. */
  public enum Mode {
    /** BM25 and embeddings fused, exact names first. */
    HYBRID,
    /** Lucene BM25 only. */
    BM25,
    /** Embedding similarity only. */
    EMBEDDING
  }

  /**
   * What to run.
   *
   * @param catalog catalog JSONL
   * @param queries queries JSONL
   * @param k the recall cut-off
   * @param mode the ranking
   * @param results where to write per-query rankings, or {@code null}
   * @param cacheDir the embedding cache directory, or {@code null}
   * @param matchThreshold the score at or above which a top hit counts as "a match"
   * @param fullCatalog search every catalog tool instead of the query's own part
   */
  public record Settings(
      Path catalog,
      Path queries,
      int k,
      Mode mode,
      Path results,
      Path cacheDir,
      double matchThreshold,
      boolean fullCatalog) {
    /** Validates. */
    public Settings {
      if (k < 1) {
        throw OrcaException.invalid("--k must be at least 1, got " + k);
      }
      if (mode == null) {
        throw OrcaException.invalid("--mode must be one of hybrid, bm25, embedding");
      }
    }
  }

  /**
   * Figures for one group of queries.
   *
   * @param group e.g. {@code msc-bench L2}
   * @param queries how many queries
   * @param recallAt1 mean recall@1
   * @param recallAtK mean recall@k
   * @param mrr mean reciprocal rank of the first relevant tool (0 when not in the ranking)
   * @param matchRate fraction of queries whose top score reaches the match threshold
   */
  public record GroupStats(
      String group,
      int queries,
      double recallAt1,
      double recallAtK,
      double mrr,
      double matchRate) {}

  /**
   * The outcome.
   *
   * @param settings what ran
   * @param toolsPerIndex tools in each searched index, by catalog part
   * @param groups figures per group, then {@code all}
   * @param p50Ms median search latency
   * @param p95Ms 95th percentile search latency
   * @param buildMs time to build all indexes (embedding from cache where cached)
   * @param modelLoadMs time to load the embedding model (0 when none)
   * @param embedded tool texts embedded during this run (not found in the cache)
   * @param heapBytes heap held by the indexes after a GC
   */
  public record Report(
      Settings settings,
      Map<String, Integer> toolsPerIndex,
      List<GroupStats> groups,
      double p50Ms,
      double p95Ms,
      long buildMs,
      long modelLoadMs,
      int embedded,
      long heapBytes) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RANKED = 20;

  /**
   * Searches run before timing, cycling through the queries: enough for the JIT to compile the
   * search paths (with 20, a fresh JVM's first run timed compilation too: p95 52–68 ms instead of
   * 22–28 ms).
   */
  private static final int WARMUP = 300;

  private DiscoveryBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param s the settings
   * @return the figures
   */
  public static Report run(Settings s) {
    List<CatalogTool> catalog = BenchData.catalog(s.catalog());
    List<RetrievalQuery> queries = BenchData.queries(s.queries());
    if (queries.isEmpty()) {
      throw OrcaException.configuration("No queries in " + s.queries());
    }
    Map<String, List<ToolSpec>> parts = new TreeMap<>();
    for (RetrievalQuery q : queries) {
      String part = s.fullCatalog() ? "all" : q.catalogSource();
      parts.computeIfAbsent(
          part,
          p ->
              catalog.stream()
                  .filter(t -> p.equals("all") || p.isEmpty() || t.source().equals(p))
                  .map(CatalogTool::spec)
                  .toList());
    }
    long heapBefore = usedHeap();
    long modelStart = System.nanoTime();
    EmbeddingToolIndex shared = null;
    long modelLoadMs = 0;
    if (s.mode() != Mode.BM25) {
      shared = EmbeddingToolIndex.withDefaultModel(s.cacheDir());
      shared.embedQuery("warm up");
      modelLoadMs = (System.nanoTime() - modelStart) / 1_000_000;
    }
    long buildStart = System.nanoTime();
    Map<String, ToolSearch> searches = new LinkedHashMap<>();
    Map<String, Integer> sizes = new LinkedHashMap<>();
    int embedded = 0;
    for (Map.Entry<String, List<ToolSpec>> part : parts.entrySet()) {
      EmbeddingToolIndex embeddings = shared == null ? null : shared.sibling();
      LuceneToolIndex lucene = s.mode() == Mode.EMBEDDING ? null : new LuceneToolIndex();
      ToolSearch search =
          switch (s.mode()) {
            case BM25 -> lucene;
            case EMBEDDING -> embeddings;
            case HYBRID ->
                new HybridToolSearch(lucene, embeddings, HybridToolSearch.Options.defaults());
          };
      ((dev.orca.tools.ToolRegistryListener) search).onChange(part.getValue(), List.of());
      embedded += embeddings == null ? 0 : embeddings.embeddedCount();
      searches.put(part.getKey(), search);
      sizes.put(part.getKey(), part.getValue().size());
    }
    long buildMs = (System.nanoTime() - buildStart) / 1_000_000;
    long heapBytes = Math.max(0, usedHeap() - heapBefore);

    for (int i = 0; i < WARMUP && !queries.isEmpty(); i++) {
      RetrievalQuery q = queries.get(i % queries.size());
      searches.get(s.fullCatalog() ? "all" : q.catalogSource()).search(q.query(), RANKED);
    }
    int limit = Math.max(RANKED, s.k());
    Map<String, List<double[]>> perGroup = new LinkedHashMap<>();
    double[] latencies = new double[queries.size()];
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      RetrievalQuery q = queries.get(i);
      ToolSearch search = searches.get(s.fullCatalog() ? "all" : q.catalogSource());
      long t0 = System.nanoTime();
      List<ToolHit> hits = search.search(q.query(), limit);
      double ms = (System.nanoTime() - t0) / 1e6;
      latencies[i] = ms;
      List<String> ranked = hits.stream().map(h -> h.spec().id()).toList();
      double top = hits.isEmpty() ? 0 : hits.get(0).score();
      double[] m = metrics(q, ranked, s.k(), top >= s.matchThreshold());
      perGroup.computeIfAbsent(q.group(), g -> new ArrayList<>()).add(m);
      if (!q.group().equals(q.benchmark())) {
        perGroup.computeIfAbsent(q.benchmark() + " all", g -> new ArrayList<>()).add(m);
      }
      perGroup.computeIfAbsent("all", g -> new ArrayList<>()).add(m);
      if (s.results() != null) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", q.id());
        line.putPOJO("ranked", ranked);
        line.put("ms", Math.round(ms * 1000) / 1000.0);
        line.put("top_score", Math.round(top * 10000) / 10000.0);
        lines.add(line.toString());
      }
    }
    if (s.results() != null) {
      writeLines(s.results(), lines);
    }
    List<GroupStats> groups = new ArrayList<>();
    List<String> keys = new ArrayList<>(perGroup.keySet());
    keys.remove("all");
    keys.sort(String::compareTo);
    keys.add("all");
    for (String g : keys) {
      List<double[]> rows = perGroup.get(g);
      groups.add(
          new GroupStats(
              g, rows.size(), mean(rows, 0), mean(rows, 1), mean(rows, 2), mean(rows, 3)));
    }
    Arrays.sort(latencies);
    return new Report(
        s,
        sizes,
        groups,
        percentile(latencies, 0.50),
        percentile(latencies, 0.95),
        buildMs,
        modelLoadMs,
        embedded,
        heapBytes);
  }

  /** Recall@1, recall@k, reciprocal rank and match flag of one query. */
  static double[] metrics(RetrievalQuery q, List<String> ranked, int k, boolean match) {
    if (!q.feasible()) {
      return new double[] {0, 0, 0, match ? 1 : 0};
    }
    Set<String> relevant =
        q.relevantGroups().stream().flatMap(List::stream).collect(Collectors.toSet());
    double rr = 0;
    for (int i = 0; i < ranked.size(); i++) {
      if (relevant.contains(ranked.get(i))) {
        rr = 1.0 / (i + 1);
        break;
      }
    }
    return new double[] {recall(q, ranked, 1), recall(q, ranked, k), rr, match ? 1 : 0};
  }

  /** The fraction of the query's groups with a member in the first {@code k} ranked ids. */
  static double recall(RetrievalQuery q, List<String> ranked, int k) {
    Set<String> top = Set.copyOf(ranked.subList(0, Math.min(k, ranked.size())));
    long served =
        q.relevantGroups().stream().filter(g -> g.stream().anyMatch(top::contains)).count();
    return (double) served / q.relevantGroups().size();
  }

  /**
   * The report as text.
   *
   * @param r the report
   * @return lines for a terminal or BENCHMARKS.md
   */
  public static String format(Report r) {
    StringBuilder out = new StringBuilder();
    Settings s = r.settings();
    out.append(
        String.format(
            Locale.ROOT,
            "mode=%s k=%d scope=%s tools=%s%n",
            s.mode().name().toLowerCase(Locale.ROOT),
            s.k(),
            s.fullCatalog() ? "full catalog" : "per catalog_source",
            r.toolsPerIndex()));
    out.append(
        String.format(
            Locale.ROOT,
            "%-18s %7s %8s %8s %7s %9s%n",
            "group",
            "queries",
            "R@1",
            "R@" + s.k(),
            "MRR",
            "top>=" + s.matchThreshold()));
    for (GroupStats g : r.groups()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-18s %7d %8.3f %8.3f %7.3f %9.3f%n",
              g.group(),
              g.queries(),
              g.recallAt1(),
              g.recallAtK(),
              g.mrr(),
              g.matchRate()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "search latency p50=%.2f ms p95=%.2f ms; index build %d ms (model load %d ms,"
                + " %d texts embedded now); index heap %.1f MiB%n",
            r.p50Ms(),
            r.p95Ms(),
            r.buildMs(),
            r.modelLoadMs(),
            r.embedded(),
            r.heapBytes() / (1024.0 * 1024.0)));
    return out.toString();
  }

  private static double mean(List<double[]> rows, int col) {
    return rows.stream().mapToDouble(r -> r[col]).average().orElse(0);
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static void writeLines(Path file, List<String> lines) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (String line : lines) {
          w.write(line);
          w.newLine();
        }
      }
    } catch (IOException e) {
      throw OrcaException.configuration("Cannot write " + file + ": " + e.getMessage());
    }
  }
}
