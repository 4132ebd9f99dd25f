package dev.orca.agent.subagent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The messages and merges of chunked calls. */
public final class Merging {

  private static final String PART_SEPARATOR = "\n\n";

  private Merging() {}

  /**
   * The user message for one chunk.
   *
   * @param chunk the chunk's data
   * @param index 0-based position
   * @param count number of chunks
   * @return the message
   */
  public static String partMessage(String chunk, int index, int count) {
    return "Part "
        + (index + 1)
        + " of "
        + count
        + " of the input (the parts are processed separately; handle this part on its own):\n\n"
        + chunk;
  }

  /** The chunk results rendered in order, one block per part. */
  public static String joinParts(List<JsonNode> parts) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      JsonNode part = parts.get(i);
      out.append(i == 0 ? "" : PART_SEPARATOR)
          .append("### Part ")
          .append(i + 1)
          .append('\n')
          .append(part.isTextual() ? part.asText().strip() : part.toString());
    }
    return out.toString();
  }

  /** The user message that asks for the merge of the chunk results. */
  public static String reduceMessage(List<JsonNode> parts) {
    return reduceOf(joinParts(parts));
  }

  /** The merge request around already joined results. */
  public static String reduceOf(String joined) {
    return "The input was too long for one call, so it was processed in consecutive parts. These"
        + " are the results for the parts, in order. Combine them into one result for the whole"
        + " input, in the same form, as if you had read it all at once.\n\n"
        + joined;
  }

  /**
   * Joins independent chunk results: arrays into one array, objects field by field (array fields
   * concatenated, other fields from the last part), text with blank lines.
   *
   * @param parts the results, in order
   * @return the joined result
   */
  public static JsonNode concat(List<JsonNode> parts) {
    if (!parts.isEmpty() && parts.stream().allMatch(JsonNode::isArray)) {
      ArrayNode all = JsonNodeFactory.instance.arrayNode();
      parts.forEach(part -> all.addAll((ArrayNode) part));
      return all;
    }
    if (!parts.isEmpty() && parts.stream().allMatch(JsonNode::isObject)) {
      ObjectNode merged = JsonNodeFactory.instance.objectNode();
      for (JsonNode part : parts) {
        for (Map.Entry<String, JsonNode> field : part.properties()) {
          JsonNode existing = merged.get(field.getKey());
          if (existing instanceof ArrayNode array && field.getValue().isArray()) {
            array.addAll((ArrayNode) field.getValue());
          } else {
            merged.set(field.getKey(), field.getValue().deepCopy());
          }
        }
      }
      return merged;
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : parts) {
      text.append(text.length() == 0 ? "" : PART_SEPARATOR)
          .append(part.isTextual() ? part.asText().strip() : part.toString());
    }
    return JsonNodeFactory.instance.textNode(text.toString());
  }
}
