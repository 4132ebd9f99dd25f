package dev.orca.tools.search;

import java.util.List;

/** Finds tools by what they do or by name. Implementations are thread-safe. */
public interface ToolSearch {

  /**
   * Searches.
   *
   * @param query free text or a tool name
   * @param limit the most hits to return (at least 1)
   * @return hits, best first
   */
  List<ToolHit> search(String query, int limit);

  /**
   * The score at or above which a top hit is likely a tool that does what was asked, measured on
   * real data (BENCHMARKS.md, "infeasible queries"); below it, the catalog probably has no such
   * tool. {@code NaN} when this search has no measured threshold.
   *
   * @return the threshold, or {@code NaN}
   */
  default double matchThreshold() {
    return Double.NaN;
  }
}
