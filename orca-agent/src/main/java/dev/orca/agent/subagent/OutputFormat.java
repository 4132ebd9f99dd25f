package dev.orca.agent.subagent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What a sub-agent returns: free {@link Text}, or {@link Json} that must parse and match the top
 * level of a JSON schema (its {@code type}, and for objects the {@code required} properties).
 */
public sealed interface OutputFormat permits OutputFormat.Text, OutputFormat.Json {

  /** Plain text (markdown allowed); returned to kernel code as a string. */
  record Text() implements OutputFormat {}

  /**
   * A JSON value; returned to kernel code as JSON.
   *
   * @param schema a JSON schema describing the value (shown to the model, checked at the top level)
   */
  record Json(JsonNode schema) implements OutputFormat {
    /** Validates. */
    public Json {
      Objects.requireNonNull(schema, "schema");
      if (!schema.isObject()) {
        throw new IllegalArgumentException("a JSON output schema must be a JSON object: " + schema);
      }
    }
  }

  /** The plain-text format. */
  static OutputFormat text() {
    return new Text();
  }

  /** A JSON format with the given schema. */
  static OutputFormat json(JsonNode schema) {
    return new Json(schema);
  }
}
