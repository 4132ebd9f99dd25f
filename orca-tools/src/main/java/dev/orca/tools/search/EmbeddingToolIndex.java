package dev.orca.tools.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
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
 * Semantic tool search with an in-process embedding model (all-MiniLM-L6-v2 by default; no
 * network). Each tool's text is embedded once: vectors are cached on disk under a key made of the
 * model id and a hash of the text, and new tools are embedded in batches. Search is an exact cosine
 * scan, which takes well under a millisecond for thousands of tools.
 */
public final class EmbeddingToolIndex implements ToolSearch, ToolRegistryListener {

  /** Id of the default model, part of every cache key. */
  public static final String DEFAULT_MODEL_ID = "all-minilm-l6-v2-q@langchain4j-1.11.0-beta19";

  private static final int BATCH = 32;
  private static final int MAX_TEXT_CHARS = 1_000;

  private final EmbeddingModel model;
  private final EmbeddingCache cache;
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
    this(model, new EmbeddingCache(cacheDir, modelId, model.dimension()));
  }

  private EmbeddingToolIndex(EmbeddingModel model, EmbeddingCache cache) {
    this.model = model;
    this.cache = cache;
  }

  /**
   * A new, empty index sharing this one's model and cache (e.g. one index per catalog part).
   *
   * @return the index
   */
  public EmbeddingToolIndex sibling() {
    return new EmbeddingToolIndex(model, cache);
  }

  /** How many tool texts this index had to embed (not found in the cache) since it was made. */
  public int embeddedCount() {
    return embeddedCount.get();
  }

  /**
   * An index with all-MiniLM-L6-v2 running in this process.
   *
   * @param cacheDir where to cache vectors (e.g. {@code HOME/cache/embeddings}), or {@code null}
   * @return the index
   */
  public static EmbeddingToolIndex withDefaultModel(Path cacheDir) {
    return new EmbeddingToolIndex(new AllMiniLmL6V2EmbeddingModel(), DEFAULT_MODEL_ID, cacheDir);
  }

  /**
   * The text embedded for a tool: its name split into words, its server and its description (cut to
   * 1,000 characters).
   *
   * @param spec the tool
   * @return the text
   */
  public static String textOf(ToolSpec spec) {
    String words =
        spec.name().replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_\\-.:/]+", " ");
    String server = spec.server() == null ? "" : " (" + spec.server() + ")";
    String text = words + server + ": " + spec.description();
    return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
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
    return normalized(model.embed(query).content().vector());
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
        model.embedAll(queries.stream().map(TextSegment::from).toList()).content();
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
