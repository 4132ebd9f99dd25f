package dev.orca.tools.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.orca.core.OrcaException;
import dev.orca.tools.ToolRegistryListener;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.search.internal.EmbeddingCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Semantic tool search with an in-process embedding model (BGE small en v1.5, quantized, by
 * default; all-MiniLM-L6-v2 on request; no network). Each tool's text is embedded once: vectors are
 * cached on disk under a key made of the model id and a hash of the text, and new tools are
 * embedded in batches. Search is an exact cosine scan (about 2 ms for 3,328 tools).
 */
public final class EmbeddingToolIndex implements ToolSearch, ToolRegistryListener {

  /** Id of BGE small en v1.5 (quantized ONNX, 384 dimensions), part of every cache key. */
  public static final String BGE_SMALL_MODEL_ID = "bge-small-en-v15-q@langchain4j-1.11.0-beta19";

  /** Id of all-MiniLM-L6-v2 (384 dimensions), the default before BGE; part of every cache key. */
  public static final String MINILM_MODEL_ID = "all-minilm-l6-v2-q@langchain4j-1.11.0-beta19";

  /** Id of the default model. */
  public static final String DEFAULT_MODEL_ID = BGE_SMALL_MODEL_ID;

  /**
   * The instruction BGE v1.5 puts before a short query that retrieves longer passages (the model
   * card's asymmetric retrieval setting); tool texts are embedded without it.
   */
  public static final String BGE_QUERY_PREFIX =
      "Represent this sentence for searching relevant passages: ";

  /**
   * BGE small's cosine at or above which a top hit is a real match: on the 65 infeasible queries of
   * {@code ../shared/data}, none reached it, while 93.5% of feasible queries did (BENCHMARKS.md).
   */
  public static final double BGE_SMALL_MATCH_THRESHOLD = 0.65;

  /** System property naming the model of {@link #withDefaultModel}: bge-small or minilm. */
  public static final String MODEL_PROPERTY = "orca.search.model";

  private static final int BATCH = 32;
  private static final int MAX_TEXT_CHARS = 1_000;

  private final EmbeddingModel model;
  private final String queryPrefix;
  private final EmbeddingCache cache;
  private volatile double matchThreshold = Double.NaN;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger embeddedCount =
      new java.util.concurrent.atomic.AtomicInteger();

  private record Entry(ToolSpec spec, float[] vector) {}

  /**
   * Creates an index with a given model.
   *
   * @param model the embedding model
   * @param modelId identifies the model in cache keys
   * @param cacheDir where to cache vectors, or {@code null} for no disk cache
   */
  public EmbeddingToolIndex(EmbeddingModel model, String modelId, Path cacheDir) {
    this(model, modelId, "", cacheDir);
  }

  /**
   * Creates an index with a given model and a query instruction.
   *
   * @param model the embedding model
   * @param modelId identifies the model in cache keys
   * @param queryPrefix put before every query (not before tool texts), e.g. {@link
   *     #BGE_QUERY_PREFIX}; empty for none
   * @param cacheDir where to cache vectors, or {@code null} for no disk cache
   */
  public EmbeddingToolIndex(
      EmbeddingModel model, String modelId, String queryPrefix, Path cacheDir) {
    this(model, queryPrefix, new EmbeddingCache(cacheDir, modelId, model.dimension()));
  }

  private EmbeddingToolIndex(EmbeddingModel model, String queryPrefix, EmbeddingCache cache) {
    this.model = model;
    this.queryPrefix = queryPrefix == null ? "" : queryPrefix;
    this.cache = cache;
  }

  /**
   * A new, empty index sharing this one's model and cache (e.g. one index per catalog part).
   *
   * @return the index
   */
  public EmbeddingToolIndex sibling() {
    return new EmbeddingToolIndex(model, queryPrefix, cache).withMatchThreshold(matchThreshold);
  }

  /**
   * Sets the cosine at or above which a top hit counts as a real match (see {@link
   * ToolSearch#matchThreshold()}); {@code NaN} (the default) for none.
   *
   * @param threshold the threshold measured for this index's model
   * @return this index
   */
  public EmbeddingToolIndex withMatchThreshold(double threshold) {
    this.matchThreshold = threshold;
    return this;
  }

  @Override
  public double matchThreshold() {
    return matchThreshold;
  }

  /** How many tool texts this index had to embed (not found in the cache) since it was made. */
  public int embeddedCount() {
    return embeddedCount.get();
  }

  /**
   * An index with the default model running in this process: BGE small en v1.5 (quantized), or the
   * model that the system property {@value #MODEL_PROPERTY} names ({@code bge-small} or {@code
   * minilm}).
   *
   * @param cacheDir where to cache vectors (e.g. {@code HOME/cache/embeddings}), or {@code null}
   * @return the index
   */
  public static EmbeddingToolIndex withDefaultModel(Path cacheDir) {
    return withModel(System.getProperty(MODEL_PROPERTY, "bge-small"), cacheDir);
  }

  /**
   * An index with a named in-process model.
   *
   * @param name {@code bge-small} (BGE small en v1.5, quantized, with its query instruction) or
   *     {@code minilm} (all-MiniLM-L6-v2)
   * @param cacheDir where to cache vectors, or {@code null}
   * @return the index
   */
  public static EmbeddingToolIndex withModel(String name, Path cacheDir) {
    return switch (name) {
      case "bge-small" ->
          new EmbeddingToolIndex(
                  new BgeSmallEnV15QuantizedEmbeddingModel(),
                  BGE_SMALL_MODEL_ID,
                  BGE_QUERY_PREFIX,
                  cacheDir)
              .withMatchThreshold(BGE_SMALL_MATCH_THRESHOLD);
      case "minilm" ->
          new EmbeddingToolIndex(new AllMiniLmL6V2EmbeddingModel(), MINILM_MODEL_ID, "", cacheDir);
      default ->
          throw OrcaException.invalid(
              "unknown embedding model '" + name + "' (" + MODEL_PROPERTY + "): bge-small, minilm");
    };
  }

  /**
   * The text embedded for a tool: its name split into words, its server, its description and its
   * parameters (name split into words, then description), cut to 1,000 characters.
   *
   * @param spec the tool
   * @return the text
   */
  public static String textOf(ToolSpec spec) {
    String server = spec.server() == null ? "" : " (" + spec.server() + ")";
    StringBuilder text =
        new StringBuilder(words(spec.name()))
            .append(server)
            .append(": ")
            .append(spec.description());
    String params = parameterText(spec.parameters());
    if (!params.isEmpty()) {
      text.append(" Parameters: ").append(params);
    }
    return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text.toString();
  }

  /** Top-level parameters as {@code "name words (description); ..."}. */
  static String parameterText(JsonNode schema) {
    List<String> params = new ArrayList<>();
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            p -> {
              JsonNode description = p.getValue().path("description");
              String d = description.isTextual() ? description.asText() : "";
              params.add(words(p.getKey()) + (d.isEmpty() ? "" : " (" + d + ")"));
            });
    return String.join("; ", params);
  }

  private static String words(String identifier) {
    return identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_\\-.:/]+", " ");
  }

  /** The text embedded for a query: the model's query instruction, then at most 1,000 chars. */
  private String queryText(String query) {
    String q = query.length() > MAX_TEXT_CHARS ? query.substring(0, MAX_TEXT_CHARS) : query;
    return queryPrefix + q;
  }

  /**
   * Adds or replaces tools, embedding those not cached yet in batches.
   *
   * @param tools the tools
   * @return how many had to be embedded (the rest came from the cache)
   */
  public int addAll(Collection<ToolSpec> tools) {
    Map<String, List<ToolSpec>> missing = new LinkedHashMap<>();
    for (ToolSpec spec : tools) {
      String text = textOf(spec);
      float[] cached = cache.get(text);
      if (cached != null) {
        entries.put(spec.id(), new Entry(spec, cached));
      } else {
        missing.computeIfAbsent(text, t -> new ArrayList<>()).add(spec);
      }
    }
    List<String> texts = new ArrayList<>(missing.keySet());
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
      List<Embedding> embedded =
          model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
      Map<String, float[]> fresh = new LinkedHashMap<>();
      for (int i = 0; i < batch.size(); i++) {
        float[] v = normalized(embedded.get(i).vector());
        fresh.put(batch.get(i), v);
        for (ToolSpec spec : missing.get(batch.get(i))) {
          entries.put(spec.id(), new Entry(spec, v));
        }
      }
      cache.putAll(fresh);
      embeddedCount.addAndGet(batch.size());
    }
    return texts.size();
  }

  /**
   * Removes tools.
   *
   * @param ids their ids
   */
  public void removeAll(Collection<String> ids) {
    ids.forEach(entries::remove);
  }

  @Override
  public void onChange(List<ToolSpec> added, List<String> removedIds) {
    removeAll(removedIds);
    if (!added.isEmpty()) {
      addAll(added);
    }
  }

  /** The number of indexed tools. */
  public int size() {
    return entries.size();
  }

  /**
   * Embeds a query.
   *
   * @param query the text
   * @return the unit vector
   */
  public float[] embedQuery(String query) {
    return normalized(model.embed(queryText(query)).content().vector());
  }

  /**
   * Embeds several queries in one batch.
   *
   * @param queries the texts
   * @return unit vectors, in order
   */
  public List<float[]> embedQueries(List<String> queries) {
    if (queries.size() == 1) {
      return List.of(embedQuery(queries.get(0)));
    }
    List<Embedding> embedded =
        model
            .embedAll(queries.stream().map(q -> TextSegment.from(queryText(q))).toList())
            .content();
    return embedded.stream().map(e -> normalized(e.vector())).toList();
  }

  /**
   * Cosine similarity of a query vector and a tool.
   *
   * @param queryVector from {@link #embedQuery}
   * @param id the tool's id
   * @return the similarity, or {@code NaN} when the tool is not indexed
   */
  public double similarity(float[] queryVector, String id) {
    Entry e = entries.get(id);
    return e == null ? Double.NaN : dot(queryVector, e.vector());
  }

  @Override
  public List<ToolHit> search(String query, int limit) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    return search(embedQuery(query), limit);
  }

  /**
   * Searches with an already embedded query.
   *
   * @param queryVector from {@link #embedQuery}
   * @param limit the most hits
   * @return hits, best first, scored by cosine similarity
   */
  public List<ToolHit> search(float[] queryVector, int limit) {
    if (limit < 1) {
      throw OrcaException.invalid("limit must be at least 1, got " + limit);
    }
    PriorityQueue<ToolHit> top =
        new PriorityQueue<>(limit + 1, (a, b) -> Double.compare(a.score(), b.score()));
    for (Entry e : entries.values()) {
      double score = dot(queryVector, e.vector());
      if (top.size() < limit) {
        top.add(new ToolHit(e.spec(), score));
      } else if (score > top.peek().score()) {
        top.poll();
        top.add(new ToolHit(e.spec(), score));
      }
    }
    List<ToolHit> hits = new ArrayList<>(top);
    hits.sort((a, b) -> Double.compare(b.score(), a.score()));
    return hits;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static float[] normalized(float[] v) {
    double norm = 0;
    for (float f : v) {
      norm += f * f;
    }
    norm = Math.sqrt(norm);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
    }
    return out;
  }
}
