package dev.orca.agent.subagent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One element handed to {@link SubagentRunner#map}: its value as JSON and, when the kernel rendered
 * one, as text.
 *
 * @param data the element as JSON, or {@code null}
 * @param text the element rendered as text, or {@code null}
 */
public record MapItem(JsonNode data, String text) {

  /** An element given as text only. */
  public static MapItem ofText(String text) {
    return new MapItem(null, text);
  }
}
