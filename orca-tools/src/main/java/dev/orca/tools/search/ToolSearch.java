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
}
