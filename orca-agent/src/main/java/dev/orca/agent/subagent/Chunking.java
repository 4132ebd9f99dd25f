package dev.orca.agent.subagent;

/**
 * What a sub-agent does with data too big for one call within its budget.
 *
 * <p>Data is cut at natural boundaries (array elements, paragraphs, lines) into chunks that each
 * fit the budget.
 */
public enum Chunking {
  /** Refuse data that does not fit one call, with a clear error that says what to do. */
  NONE,
  /**
   * Run the agent once per chunk, then once more over the chunk results to merge them (e.g.
   * summarise chunks, then summarise the summaries); repeated while the merged input is too big.
   */
  MAP_REDUCE,
  /**
   * Run the agent once per chunk and concatenate the results (JSON arrays are joined into one
   * array, text is joined with blank lines).
   */
  CONCAT
}
