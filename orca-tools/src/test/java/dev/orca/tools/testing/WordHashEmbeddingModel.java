package dev.orca.tools.testing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in embedding model for unit tests: a bag of hashed lower-case words in 64
 * dimensions. Counts how many texts it embedded.
 */
public final class WordHashEmbeddingModel implements EmbeddingModel {

  /** Texts embedded so far. */
  public final AtomicInteger embedded = new AtomicInteger();

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<Embedding> out = new ArrayList<>();
    for (TextSegment s : segments) {
      embedded.incrementAndGet();
      float[] v = new float[64];
      for (String w : s.text().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
        if (!w.isEmpty()) {
          v[Math.floorMod(w.hashCode(), 64)] += 1;
        }
      }
      out.add(Embedding.from(v));
    }
    return Response.from(out);
  }

  @Override
  public int dimension() {
    return 64;
  }
}
