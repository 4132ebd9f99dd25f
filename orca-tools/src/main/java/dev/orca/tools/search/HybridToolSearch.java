package dev.orca.tools.search;

import dev.orca.core.OrcaException;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.ToolRegistryListener;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.search.internal.Interleave;
import dev.orca.tools.search.internal.NameIndex;
import dev.orca.tools.search.internal.QueryParts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hybrid tool search: BM25 and semantic similarity fused by reciprocal rank fusion, with one hard
 * rule: a tool whose name (or id, or short name after {@code ::}, or stub method name) matches the
 * query exactly, ignoring case and separators, always ranks first; a tool named literally in the
 * query (an identifier such as {@code create_pull_request}) ranks right after.
 *
 * <p>Scores are match confidences in [0, 1]: 1 for an exact name match, otherwise the cosine
 * similarity of query and tool (without an embedding model: {@code s / (s + 10)} of the BM25
 * score). Cosines depend on the model: with BGE small, unrelated tools still score about 0.5.
 *
 * <p>Optionally ({@link Options#interleave}, off by default: it lowered recall on the shared
 * retrieval data, see BENCHMARKS.md) a long multi-part query is split into parts whose own rankings
 * take turns with the whole query's ranking.
 */
public final class HybridToolSearch implements ToolSearch, ToolRegistryListener {

  /**
   * Fusion settings.
   *
   * @param rrfK the RRF constant k in {@code 1 / (k + rank)}
   * @param bm25Weight weight of the BM25 ranking
   * @param embeddingWeight weight of the semantic ranking
   * @param depth how many hits of each ranking are fused (at least the limit)
   * @param partWeight weight of the rankings of each part of a long query (0: no decomposition)
   * @param embedParts whether parts are also embedded (else they are searched with BM25 only)
   * @param serverWeight weight of the server ranking (servers ranked by their tools' fused scores;
   *     every tool of a top server gets a share, so siblings of a strong hit rise too)
   * @param servers how many top servers share their rank with all their tools
   * @param interleave whether a long, multi-part query is answered by interleaving rankings: each
   *     part (see {@link QueryParts}) gets its own fused BM25 + embedding ranking, and these take
   *     turns with the whole query's ranking (round robin, duplicates skipped) instead of being
   *     fused by score
   * @param interleaveHead how many hits the whole query's ranking adds in the first turn (1: a
   *     plain round robin)
   */
  public record Options(
      int rrfK,
      double bm25Weight,
      double embeddingWeight,
      int depth,
      double partWeight,
      boolean embedParts,
      double serverWeight,
      int servers,
      boolean interleave,
      int interleaveHead) {
    /** Validates. */
    public Options {
      if (rrfK < 1
          || depth < 1
          || bm25Weight < 0
          || embeddingWeight < 0
          || partWeight < 0
          || interleaveHead < 1) {
        throw new IllegalArgumentException("bad fusion options");
      }
    }

    /**
     * These options with interleaving switched on or off.
     *
     * @param on whether to interleave the rankings of a long query's parts
     * @param head how many hits the whole query's ranking adds in the first turn
     * @return the options
     */
    public Options withInterleave(boolean on, int head) {
      return new Options(
          rrfK,
          bm25Weight,
          embeddingWeight,
          depth,
          partWeight,
          embedParts,
          serverWeight,
          servers,
          on,
          head);
    }

    /** The defaults (tuned on the shared retrieval data, see BENCHMARKS.md). */
    public static Options defaults() {
      return new Options(
          intProp("orca.search.rrfK", 20),
          doubleProp("orca.search.bm25Weight", 1.0),
          doubleProp("orca.search.embeddingWeight", 1.0),
          intProp("orca.search.depth", 50),
          doubleProp("orca.search.partWeight", 0.0),
          Boolean.parseBoolean(System.getProperty("orca.search.embedParts", "false")),
          doubleProp("orca.search.serverWeight", 0.0),
          intProp("orca.search.servers", 3),
          Boolean.parseBoolean(System.getProperty("orca.search.interleave", "false")),
          intProp("orca.search.interleaveHead", 1));
    }

    private static int intProp(String name, int def) {
      return Integer.parseInt(System.getProperty(name, Integer.toString(def)));
    }

    private static double doubleProp(String name, double def) {
      return Double.parseDouble(System.getProperty(name, Double.toString(def)));
    }
  }

  private static final Pattern IDENTIFIER =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:(?:_|-|::|\\.)[A-Za-z0-9]+|[a-z0-9][A-Z][a-z0-9]*)+");

  private final LuceneToolIndex bm25;
  private final EmbeddingToolIndex embeddings;
  private final Options options;
  private final NameIndex names = new NameIndex();
  private final Map<String, ToolSpec> specs = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Set<String>> toolsByServer =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Creates a search over two indexes that are kept current elsewhere; call {@link #onChange} (or
   * use {@link #over}) so the name rule sees the same tools.
   *
   * @param bm25 the BM25 index
   * @param embeddings the semantic index, or {@code null} for BM25 plus the name rule only
   * @param options fusion settings
   */
  public HybridToolSearch(LuceneToolIndex bm25, EmbeddingToolIndex embeddings, Options options) {
    this.bm25 = bm25;
    this.embeddings = embeddings;
    this.options = options;
  }

  /**
   * A hybrid search following a registry live: both indexes and the name rule are subscribed.
   *
   * @param registry the registry
   * @param embeddings the semantic index, or {@code null} for BM25 only
   * @return the search
   */
  public static HybridToolSearch over(ToolRegistry registry, EmbeddingToolIndex embeddings) {
    LuceneToolIndex lucene = new LuceneToolIndex();
    HybridToolSearch search = new HybridToolSearch(lucene, embeddings, Options.defaults());
    registry.addListener(search);
    return search;
  }

  @Override
  public void onChange(List<ToolSpec> added, List<String> removedIds) {
    for (String id : removedIds) {
      names.remove(id);
      ToolSpec old = specs.remove(id);
      if (old != null && old.server() != null) {
        toolsByServer.getOrDefault(old.server(), new java.util.HashSet<>()).remove(id);
      }
    }
    names.addAll(added);
    for (ToolSpec spec : added) {
      specs.put(spec.id(), spec);
      if (spec.server() != null) {
        toolsByServer
            .computeIfAbsent(spec.server(), k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
            .add(spec.id());
      }
    }
    bm25.onChange(added, removedIds);
    if (embeddings != null) {
      embeddings.onChange(added, removedIds);
    }
  }

  /**
   * The semantic index's threshold: a hybrid hit's score is its cosine unless it is a name match.
   */
  @Override
  public double matchThreshold() {
    return embeddings == null ? Double.NaN : embeddings.matchThreshold();
  }

  @Override
  public List<ToolHit> search(String query, int limit) {
    if (limit < 1) {
      throw OrcaException.invalid("limit must be at least 1, got " + limit);
    }
    if (query == null || query.isBlank()) {
      return List.of();
    }
    int depth = Math.max(limit, options.depth());
    Map<String, Double> fused = new HashMap<>();
    Map<String, ToolSpec> seen = new LinkedHashMap<>();
    List<ToolHit> lexical = bm25.search(query, depth);
    addRanks(lexical, options.bm25Weight(), fused, seen);
    List<String> parts =
        options.partWeight() > 0 || options.interleave() ? QueryParts.split(query) : List.of();
    if (options.partWeight() > 0) {
      for (String part : parts) {
        addRanks(
            bm25.search(part, depth), options.bm25Weight() * options.partWeight(), fused, seen);
      }
    }
    float[] queryVector = null;
    List<float[]> partVectors = List.of();
    if (embeddings != null) {
      List<String> texts = new ArrayList<>();
      texts.add(query);
      boolean embedParts = options.interleave() || options.embedParts();
      if (embedParts) {
        texts.addAll(parts);
      }
      List<float[]> vectors = embeddings.embedQueries(texts);
      queryVector = vectors.get(0);
      partVectors = vectors.subList(1, vectors.size());
      addRanks(embeddings.search(queryVector, depth), options.embeddingWeight(), fused, seen);
      if (options.partWeight() > 0 && options.embedParts()) {
        for (float[] v : partVectors) {
          addRanks(
              embeddings.search(v, depth),
              options.embeddingWeight() * options.partWeight(),
              fused,
              seen);
        }
      }
    }
    if (options.serverWeight() > 0) {
      addServerRanks(fused, seen);
    }
    Comparator<String> byFused =
        Comparator.comparingDouble((String id) -> -fused.getOrDefault(id, 0.0))
            .thenComparing(id -> id);
    List<String> ranking = fused.keySet().stream().sorted(byFused).toList();
    if (options.interleave() && !parts.isEmpty()) {
      List<List<String>> rankings = new ArrayList<>();
      rankings.add(ranking);
      for (int i = 0; i < parts.size(); i++) {
        Map<String, Double> partFused = new HashMap<>();
        addRanks(bm25.search(parts.get(i), depth), options.bm25Weight(), partFused, seen);
        if (queryVector != null) {
          addRanks(
              embeddings.search(partVectors.get(i), depth),
              options.embeddingWeight(),
              partFused,
              seen);
        }
        rankings.add(
            partFused.keySet().stream()
                .sorted(
                    Comparator.comparingDouble((String id) -> -partFused.get(id))
                        .thenComparing(id -> id))
                .toList());
      }
      ranking = Interleave.roundRobin(rankings, options.interleaveHead());
    }
    Map<String, Double> bm25Scores = new HashMap<>();
    lexical.forEach(h -> bm25Scores.put(h.spec().id(), h.score()));

    Set<String> exact = names.lookup(query.trim());
    Set<String> named = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(query);
    while (m.find()) {
      named.addAll(names.lookup(m.group()));
    }
    named.removeAll(exact);

    List<String> order = new ArrayList<>();
    exact.stream().sorted(byFused).forEach(order::add);
    named.stream().sorted(byFused).forEach(order::add);
    ranking.stream().filter(id -> !exact.contains(id) && !named.contains(id)).forEach(order::add);

    List<ToolHit> hits = new ArrayList<>(Math.min(limit, order.size()));
    for (String id : order) {
      if (hits.size() == limit) {
        break;
      }
      ToolSpec spec = seen.containsKey(id) ? seen.get(id) : specs.get(id);
      if (spec == null) {
        continue;
      }
      double score;
      if (exact.contains(id)) {
        score = 1.0;
      } else if (queryVector != null) {
        score = Math.max(0, embeddings.similarity(queryVector, id));
      } else {
        double s = bm25Scores.getOrDefault(id, 0.0);
        score = s / (s + 10);
      }
      hits.add(new ToolHit(spec, score));
    }
    return hits;
  }

  private void addServerRanks(Map<String, Double> fused, Map<String, ToolSpec> seen) {
    Map<String, Double> byServer = new HashMap<>();
    for (Map.Entry<String, Double> e : fused.entrySet()) {
      String server = seen.get(e.getKey()).server();
      if (server != null) {
        byServer.merge(server, e.getValue(), Double::sum);
      }
    }
    List<String> top =
        byServer.entrySet().stream()
            .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
            .limit(options.servers())
            .map(Map.Entry::getKey)
            .toList();
    for (int rank = 0; rank < top.size(); rank++) {
      double bonus = options.serverWeight() / (options.rrfK() + rank + 1);
      for (String id : toolsByServer.getOrDefault(top.get(rank), Set.of())) {
        ToolSpec spec = specs.get(id);
        if (spec != null) {
          seen.putIfAbsent(id, spec);
          fused.merge(id, bonus, Double::sum);
        }
      }
    }
  }

  private void addRanks(
      List<ToolHit> ranking, double weight, Map<String, Double> fused, Map<String, ToolSpec> seen) {
    for (int rank = 0; rank < ranking.size(); rank++) {
      ToolSpec spec = ranking.get(rank).spec();
      seen.putIfAbsent(spec.id(), spec);
      fused.merge(spec.id(), weight / (options.rrfK() + rank + 1), Double::sum);
    }
  }
}
