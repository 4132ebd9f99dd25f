package dev.orca.agent.subagent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a fan-out returned: one {@link Item} per input element, in input order. Failed elements are
 * reported in their own item; they never fail the batch.
 *
 * @param agent the sub-agent's name
 * @param items one per element, in order
 * @param inputTokens input tokens over all elements
 * @param outputTokens output tokens over all elements
 * @param wallTime wall time of the whole fan-out
 */
public record MapResult(
    String agent, List<Item> items, long inputTokens, long outputTokens, Duration wallTime) {

  /** Validates and copies. */
  public MapResult {
    Objects.requireNonNull(agent, "agent");
    items = List.copyOf(items);
    Objects.requireNonNull(wallTime, "wallTime");
  }

  /** Input plus output tokens. */
  public long tokens() {
    return inputTokens + outputTokens;
  }

  /** How many elements succeeded. */
  public long succeeded() {
    return items.stream().filter(Item::ok).count();
  }

  /** How many elements failed. */
  public long failed() {
    return items.size() - succeeded();
  }

  /**
   * The outcome for one element.
   *
   * @param index the element's 0-based position
   * @param ok whether it succeeded
   * @param result its result when it succeeded, else {@code null}
   * @param error why it failed, else {@code null}
   * @param tokens input plus output tokens it used (an estimate of what was sent when it failed)
   */
  public record Item(int index, boolean ok, JsonNode result, String error, long tokens) {
    /** Validates. */
    public Item {
      if (ok == (result == null) || ok == (error != null)) {
        throw new IllegalArgumentException("an item has either a result or an error");
      }
    }
  }
}
