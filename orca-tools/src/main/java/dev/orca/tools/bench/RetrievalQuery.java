package dev.orca.tools.bench;

import java.util.List;
import java.util.Objects;

/**
 * One retrieval query with its ground truth ({@code ../shared/data/retrieval/queries.jsonl}
 * format).
 *
 * @param id the query's id
 * @param benchmark {@code msc-bench} or {@code livemcpbench}
 * @param level the msc-bench level (1–5), or 0 when none
 * @param query the text
 * @param relevantGroups one group per tool need; any member serves the need (empty when no tool can
 *     serve the query)
 * @param catalogSource the catalog part this query is searched against
 */
public record RetrievalQuery(
    String id,
    String benchmark,
    int level,
    String query,
    List<List<String>> relevantGroups,
    String catalogSource) {
  /** Validates and copies. */
  public RetrievalQuery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(query, "query");
    relevantGroups = relevantGroups.stream().map(List::copyOf).toList();
    benchmark = benchmark == null ? "" : benchmark;
    catalogSource = catalogSource == null ? "" : catalogSource;
  }

  /** Whether some catalog tool serves the query. */
  public boolean feasible() {
    return !relevantGroups.isEmpty();
  }

  /** The report group: {@code msc-bench L2}, {@code livemcpbench}, …. */
  public String group() {
    return level > 0 ? benchmark + " L" + level : benchmark;
  }
}
