package dev.orca.tools.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.orca.tools.MetaTools;
import dev.orca.tools.OrcaPrompts;
import dev.orca.tools.ToolSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Upfront context: what Orca gives a model before the first turn (its system prompt and the two
 * meta-tools) against what a traditional MCP client gives it (every tool definition of every
 * connected server, as {@code {"name","description","input_schema"}} JSON), counted with real BPE
 * tokenizers (o200k_base and cl100k_base, jtokkit).
 */
public final class TokenBenchmark {

  /**
   * Token counts in both encodings.
   *
   * @param o200k o200k_base tokens
   * @param cl100k cl100k_base tokens
   */
  public record Count(long o200k, long cl100k) {
    Count plus(Count other) {
      return new Count(o200k + other.o200k, cl100k + other.cl100k);
    }
  }

  /**
   * One row: a catalog part or a server.
   *
   * @param name the part or server
   * @param tools how many tool definitions
   * @param tokens their tokens
   */
  public record Row(String name, int tools, Count tokens) {}

  /**
   * The outcome.
   *
   * @param systemPrompt tokens of {@link OrcaPrompts#SYSTEM}
   * @param metaTools tokens of the two upfront meta-tool definitions
   * @param catalog all catalog definitions
   * @param bySource per catalog part
   * @param byServer per server, largest first
   */
  public record Report(
      Count systemPrompt, Count metaTools, Row catalog, List<Row> bySource, List<Row> byServer) {

    /** System prompt plus meta-tools. */
    public Count upfront() {
      return systemPrompt.plus(metaTools);
    }
  }

  private TokenBenchmark() {}

  /**
   * Counts.
   *
   * @param catalogFile the catalog JSONL
   * @return the report
   */
  public static Report run(Path catalogFile) {
    var registry = Encodings.newDefaultEncodingRegistry();
    Encoding o200k = registry.getEncoding(EncodingType.O200K_BASE);
    Encoding cl100k = registry.getEncoding(EncodingType.CL100K_BASE);
    java.util.function.Function<String, Count> count =
        text -> new Count(o200k.countTokensOrdinary(text), cl100k.countTokensOrdinary(text));

    Count system = count.apply(OrcaPrompts.SYSTEM);
    Count meta = new Count(0, 0);
    for (ToolSpec spec : MetaTools.upfront()) {
      meta = meta.plus(count.apply(MetaTools.definitionJson(spec)));
    }
    Map<String, Row> sources = new TreeMap<>();
    Map<String, Row> servers = new LinkedHashMap<>();
    Row all = new Row("all", 0, new Count(0, 0));
    for (CatalogTool tool : BenchData.catalog(catalogFile)) {
      Count c = count.apply(MetaTools.definitionJson(tool.spec()));
      all = add(all, c);
      sources.merge(tool.source(), new Row(tool.source(), 1, c), TokenBenchmark::merge);
      String server = tool.source() + " / " + tool.spec().server();
      servers.merge(server, new Row(server, 1, c), TokenBenchmark::merge);
    }
    List<Row> byServer = new ArrayList<>(servers.values());
    byServer.sort(Comparator.comparingLong((Row r) -> -r.tokens().o200k()));
    return new Report(system, meta, all, List.copyOf(sources.values()), byServer);
  }

  private static Row add(Row row, Count c) {
    return new Row(row.name(), row.tools() + 1, row.tokens().plus(c));
  }

  private static Row merge(Row a, Row b) {
    return new Row(a.name(), a.tools() + b.tools(), a.tokens().plus(b.tokens()));
  }

  /**
   * The report as text.
   *
   * @param r the report
   * @param servers how many of the largest servers to list
   * @return lines for a terminal or BENCHMARKS.md
   */
  public static String format(Report r, int servers) {
    StringBuilder out = new StringBuilder();
    Count up = r.upfront();
    out.append(
        String.format(
            Locale.ROOT,
            "Orca upfront: system prompt %d + 2 meta-tools %d = %d tokens o200k (cl100k: %d + %d"
                + " = %d)%n",
            r.systemPrompt().o200k(),
            r.metaTools().o200k(),
            up.o200k(),
            r.systemPrompt().cl100k(),
            r.metaTools().cl100k(),
            up.cl100k()));
    out.append(
        String.format(
            Locale.ROOT,
            "%-60s %6s %10s %10s %9s%n",
            "all definitions of",
            "tools",
            "o200k",
            "cl100k",
            "Orca saves"));
    List<Row> rows = new ArrayList<>();
    rows.add(r.catalog());
    rows.addAll(r.bySource());
    for (Row row : rows) {
      out.append(line(row, up));
    }
    out.append(
        String.format(
            Locale.ROOT, "largest %d servers:%n", Math.min(servers, r.byServer().size())));
    r.byServer().stream().limit(servers).forEach(row -> out.append(line(row, up)));
    return out.toString();
  }

  private static String line(Row row, Count up) {
    double saved = 100.0 * (1 - (double) up.o200k() / Math.max(1, row.tokens().o200k()));
    String name = row.name().length() > 60 ? row.name().substring(0, 59) + "…" : row.name();
    return String.format(
        Locale.ROOT,
        "%-60s %6d %10d %10d %8.1f%%%n",
        name,
        row.tools(),
        row.tokens().o200k(),
        row.tokens().cl100k(),
        saved);
  }
}
