package dev.orca.tools.search;

import dev.orca.tools.ToolSpec;
import java.util.Objects;

/**
 * One search hit.
 *
 * @param spec the tool found
 * @param score the ranker's score; higher is better. For {@link HybridToolSearch} it is a match
 *     confidence in [0, 1]: 1 for an exact name match, else the semantic similarity of query and
 *     tool (or a BM25-derived value when no embedding model is used)
 */
public record ToolHit(ToolSpec spec, double score) {
  /** Validates. */
  public ToolHit {
    Objects.requireNonNull(spec, "spec");
  }
}
