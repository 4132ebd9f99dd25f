package dev.orca.agent.context;

/**
 * What one compaction of the conversation did.
 *
 * @param messagesDropped messages replaced by the summary
 * @param tokensBefore estimated request tokens before
 * @param tokensAfter estimated request tokens after
 */
public record Compaction(int messagesDropped, int tokensBefore, int tokensAfter) {
  /** Validates. */
  public Compaction {
    if (messagesDropped < 0 || tokensBefore < 0 || tokensAfter < 0) {
      throw new IllegalArgumentException("negative compaction figures");
    }
  }
}
