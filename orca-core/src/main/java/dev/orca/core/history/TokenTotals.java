package dev.orca.core.history;

/**
 * Model token totals over some set of turns.
 *
 * @param turns number of model turns
 * @param inputTokens total input tokens
 * @param outputTokens total output tokens
 * @param estimatedTurns how many of the turns had estimated (not provider-reported) counts
 */
public record TokenTotals(long turns, long inputTokens, long outputTokens, long estimatedTurns) {
  /** No turns. */
  public static final TokenTotals ZERO = new TokenTotals(0, 0, 0, 0);

  /** Input plus output tokens. */
  public long total() {
    return inputTokens + outputTokens;
  }
}
