package dev.orca.tools.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orca.core.OrcaException;
import dev.orca.tools.ToolRegistryListener;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.search.internal.IdentifierAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 over tool names, server names, descriptions and parameter names, in memory. Names are split
 * at camelCase, snake_case, kebab-case and digits and also kept whole, so both {@code "create pull
 * request"} and {@code "create_pull_request"} find {@code create_pull_request}. Follows a registry
 * live when added as its {@link ToolRegistryListener}.
 */
public final class LuceneToolIndex implements ToolSearch, ToolRegistryListener, AutoCloseable {

  /**
   * Field weights: a word in the name counts more than one in the description. Each can be
   * overridden with a system property {@code orca.search.boost.FIELD} (for benchmarks).
   */
  private static final Map<String, Float> BOOSTS =
      Map.of(
          "name", boost("name", 3.0f),
          "server", boost("server", 1.5f),
          "description", boost("description", 1.0f),
          "params", boost("params", 0.4f));

  /** BM25 k1 (term-frequency saturation), system property {@code orca.search.bm25.k1}. */
  private static final float K1 =
      Float.parseFloat(System.getProperty("orca.search.bm25.k1", "1.2"));

  /** BM25 b (length normalization), system property {@code orca.search.bm25.b}. */
  private static final float B = Float.parseFloat(System.getProperty("orca.search.bm25.b", "0.75"));

  private static final int MAX_QUERY_TERMS = 128;

  private final Map<String, ToolSpec> specs = new ConcurrentHashMap<>();
  private final Analyzer queryNames = new IdentifierAnalyzer(true, false);
  private final Analyzer queryText = new IdentifierAnalyzer(false, false);
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private volatile boolean dirty;

  /** Creates an empty index. */
  public LuceneToolIndex() {
    Analyzer names = new IdentifierAnalyzer(true, true);
    Analyzer text = new IdentifierAnalyzer(false, true);
    Analyzer perField = new PerFieldAnalyzerWrapper(text, Map.of("name", names, "server", names));
    try {
      IndexWriterConfig config = new IndexWriterConfig(perField);
      config.setSimilarity(new BM25Similarity(K1, B));
      writer = new IndexWriter(new ByteBuffersDirectory(), config);
      writer.commit();
      searchers =
          new SearcherManager(
              writer,
              new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                  IndexSearcher searcher = new IndexSearcher(reader);
                  searcher.setSimilarity(new BM25Similarity(K1, B));
                  return searcher;
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds or replaces tools.
   *
   * @param tools the tools
   */
  public void addAll(Collection<ToolSpec> tools) {
    try {
      for (ToolSpec spec : tools) {
        specs.put(spec.id(), spec);
        writer.updateDocument(new Term("id", spec.id()), document(spec));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dirty = true;
  }

  /**
   * Removes tools.
   *
   * @param ids their ids
   */
  public void removeAll(Collection<String> ids) {
    try {
      for (String id : ids) {
        specs.remove(id);
        writer.deleteDocuments(new Term("id", id));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dirty = true;
  }

  @Override
  public void onChange(List<ToolSpec> added, List<String> removedIds) {
    if (!removedIds.isEmpty()) {
      removeAll(removedIds);
    }
    if (!added.isEmpty()) {
      addAll(added);
    }
  }

  /** The number of indexed tools. */
  public int size() {
    return specs.size();
  }

  @Override
  public List<ToolHit> search(String query, int limit) {
    if (limit < 1) {
      throw OrcaException.invalid("limit must be at least 1, got " + limit);
    }
    BooleanQuery built = buildQuery(query == null ? "" : query);
    if (built.clauses().isEmpty()) {
      return List.of();
    }
    try {
      refreshIfDirty();
      IndexSearcher searcher = searchers.acquire();
      try {
        ScoreDoc[] docs = searcher.search(built, limit).scoreDocs;
        List<ToolHit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
          String id = searcher.storedFields().document(doc.doc).get("id");
          ToolSpec spec = specs.get(id);
          if (spec != null) {
            hits.add(new ToolHit(spec, doc.score));
          }
        }
        return hits;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void refreshIfDirty() throws IOException {
    if (dirty) {
      synchronized (this) {
        if (dirty) {
          dirty = false;
          searchers.maybeRefreshBlocking();
        }
      }
    }
  }

  private BooleanQuery buildQuery(String query) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    for (Map.Entry<String, Float> field : BOOSTS.entrySet()) {
      Analyzer analyzer =
          field.getKey().equals("name") || field.getKey().equals("server") ? queryNames : queryText;
      Iterator<String> terms = terms(analyzer, field.getKey(), query).iterator();
      for (int i = 0; i < MAX_QUERY_TERMS && terms.hasNext(); i++) {
        builder.add(
            new BoostQuery(new TermQuery(new Term(field.getKey(), terms.next())), field.getValue()),
            BooleanClause.Occur.SHOULD);
      }
    }
    return builder.build();
  }

  private static Set<String> terms(Analyzer analyzer, String field, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  private static Document document(ToolSpec spec) {
    Document doc = new Document();
    doc.add(new StringField("id", spec.id(), Field.Store.YES));
    doc.add(new TextField("name", spec.name(), Field.Store.NO));
    if (spec.server() != null) {
      doc.add(new TextField("server", spec.server(), Field.Store.NO));
    }
    doc.add(new TextField("description", spec.description(), Field.Store.NO));
    doc.add(new TextField("params", parameterText(spec.parameters()), Field.Store.NO));
    return doc;
  }

  /** Parameter names and their descriptions, one level deep. */
  static String parameterText(JsonNode schema) {
    StringBuilder text = new StringBuilder();
    JsonNode properties = schema.path("properties");
    properties
        .fields()
        .forEachRemaining(
            p -> {
              text.append(p.getKey()).append(' ');
              JsonNode description = p.getValue().path("description");
              if (description.isTextual()) {
                text.append(description.asText()).append(' ');
              }
            });
    return text.toString();
  }

  private static float boost(String field, float def) {
    return Float.parseFloat(System.getProperty("orca.search.boost." + field, Float.toString(def)));
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
