package dev.orca.cli.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a meta-tool answers: the structured fields of DESIGN.md §2.4, a text rendering of them for
 * clients that read only text, and whether the call failed.
 *
 * @param structured the {@code structuredContent} fields, in order (values may be {@code null})
 * @param text the same answer as text
 * @param error whether the call failed ({@code isError: true})
 */
public record ToolAnswer(Map<String, Object> structured, String text, boolean error) {

  /** Validates and copies (keeping order and {@code null} values). */
  public ToolAnswer {
    Objects.requireNonNull(text, "text");
    structured = Collections.unmodifiableMap(new LinkedHashMap<>(structured));
  }

  /**
   * A failed call: the tool's fields (as {@code null}s or empties) plus {@code error: {type,
   * message, line}}.
   *
   * @param fields the tool's own fields for a failure
   * @param type a short error type, e.g. {@code invalid_arguments}
   * @param message what went wrong and what to do
   * @return the answer
   */
  public static ToolAnswer failure(Map<String, Object> fields, String type, String message) {
    Map<String, Object> m = new LinkedHashMap<>(fields);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    error.put("message", message);
    error.put("line", null);
    m.put("error", error);
    return new ToolAnswer(m, "Error (" + type + "): " + message, true);
  }

  /** The MCP result: one text block plus {@code structuredContent}, {@code isError} when failed. */
  public McpSchema.CallToolResult toResult() {
    return McpSchema.CallToolResult.builder()
        .addTextContent(text)
        .structuredContent(structured)
        .isError(error)
        .build();
  }
}
