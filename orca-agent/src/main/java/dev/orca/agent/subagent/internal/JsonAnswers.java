package dev.orca.agent.subagent.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Reads a JSON answer (an object or an array) from a model's text: the whole text, a fenced {@code
 * ```json} block, or the outermost object or array in it; and checks it against the top level of a
 * JSON schema.
 */
public final class JsonAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonAnswers() {}

  /**
   * Parses the JSON value in a model's answer.
   *
   * @param text the answer
   * @return the value, or empty when there is none
   */
  public static Optional<JsonNode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    int fence = s.indexOf("```");
    if (fence >= 0) {
      int bodyStart = s.indexOf('\n', fence);
      int end = bodyStart < 0 ? -1 : s.indexOf("```", bodyStart);
      if (end > bodyStart) {
        Optional<JsonNode> fenced = tryParse(s.substring(bodyStart + 1, end));
        if (fenced.isPresent()) {
          return fenced;
        }
      }
    }
    Optional<JsonNode> whole = tryParse(s);
    if (whole.isPresent()) {
      return whole;
    }
    for (char[] pair : new char[][] {{'{', '}'}, {'[', ']'}}) {
      int start = s.indexOf(pair[0]);
      int end = s.lastIndexOf(pair[1]);
      if (start >= 0 && end > start) {
        Optional<JsonNode> inner = tryParse(s.substring(start, end + 1));
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Checks a value against a schema's top level: {@code type}, and for objects the {@code required}
   * properties.
   *
   * @param value the value
   * @param schema the schema
   * @return a description of the first mismatch, or empty when it matches
   */
  public static Optional<String> mismatch(JsonNode value, JsonNode schema) {
    String type = schema.path("type").asText("");
    if (!type.isEmpty() && !hasType(value, type)) {
      return Optional.of("expected a JSON " + type + " but got " + value.getNodeType());
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          return Optional.of("missing required property \"" + required.asText() + "\"");
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> true;
    };
  }

  private static Optional<JsonNode> tryParse(String s) {
    try {
      JsonNode node = JSON.readTree(s);
      return node != null && node.isContainerNode() ? Optional.of(node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
