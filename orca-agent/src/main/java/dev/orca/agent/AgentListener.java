package dev.orca.agent;

import dev.orca.agent.context.Compaction;

/** Progress of the orchestrator, for the CLI's stderr lines and the chat's status. */
public interface AgentListener {

  /** Ignores everything. */
  AgentListener NONE = new AgentListener() {};

  /**
   * A request is about to be sent.
   *
   * @param step the 1-based step
   * @param estimatedTokens Orca's estimate of its size
   */
  default void requestSent(int step, int estimatedTokens) {}

  /**
   * Answer text arrived (streamed pieces when the model streams, else the whole text once).
   *
   * @param text the new text
   */
  default void partialText(String text) {}

  /**
   * The model asked for a tool call.
   *
   * @param step the step
   * @param tool the tool's name
   * @param preview a one-line preview of the arguments (code's first line, the query)
   */
  default void toolCalled(int step, String tool, String preview) {}

  /**
   * A tool call finished.
   *
   * @param step the step
   * @param tool the tool's name
   * @param ok whether it succeeded
   * @param summary one line about the result
   */
  default void toolFinished(int step, String tool, boolean ok, String summary) {}

  /**
   * A turn is accounted for.
   *
   * @param turn the turn
   * @param sessionInput input tokens of the session so far
   * @param sessionOutput output tokens of the session so far
   */
  default void turnFinished(TurnUsage turn, long sessionInput, long sessionOutput) {}

  /**
   * Older turns were compacted.
   *
   * @param compaction what was done
   */
  default void compacted(Compaction compaction) {}
}
