package dev.orca.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One callable thing in the registry: a host tool, a tool of an MCP server, a learned function or
 * agent, or a meta-tool.
 *
 * @param id unique id; {@code server + "::" + name} for tools of a server, else the name
 * @param name the tool's own name (not unique across servers)
 * @param description what the tool does, as its author wrote it (may be empty, never null)
 * @param parameters the JSON Schema of the arguments (an object schema)
 * @param resultDescription what the tool returns, or empty when unknown
 * @param kind where it comes from
 * @param server the MCP server (or other source) it belongs to, or {@code null} for host tools,
 *     learned skills and meta-tools
 */
public record ToolSpec(
    String id,
    String name,
    String description,
    JsonNode parameters,
    String resultDescription,
    ToolKind kind,
    String server) {

  /** The separator between server and tool name in an id. */
  public static final String SEPARATOR = "::";

  /** Validates and normalizes. */
  public ToolSpec {
    requireText(id, "id");
    requireText(name, "name");
    description = description == null ? "" : description;
    if (parameters == null || parameters.isNull() || parameters.isMissingNode()) {
      parameters = emptyObjectSchema();
    }
    if (!parameters.isObject()) {
      throw new IllegalArgumentException(
          "parameters of tool " + id + " must be a JSON Schema object, got: " + parameters);
    }
    resultDescription = resultDescription == null ? "" : resultDescription;
    Objects.requireNonNull(kind, "kind");
    if (server != null && server.isBlank()) {
      server = null;
    }
  }

  /**
   * A spec whose id is derived from server and name.
   *
   * @param server the server, or {@code null}
   * @param name the tool name
   * @param description the description
   * @param parameters the argument schema
   * @param kind the kind
   * @return the spec
   */
  public static ToolSpec of(
      String server, String name, String description, JsonNode parameters, ToolKind kind) {
    String id = server == null || server.isBlank() ? name : server + SEPARATOR + name;
    return new ToolSpec(id, name, description, parameters, "", kind, server);
  }

  /** The id's part after {@code ::} (the tool's short name), or the whole id. */
  public String shortName() {
    int i = id.lastIndexOf(SEPARATOR);
    return i < 0 ? id : id.substring(i + SEPARATOR.length());
  }

  /** {@code {"type":"object","properties":{}}}. */
  public static ObjectNode emptyObjectSchema() {
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    schema.put("type", "object");
    schema.putObject("properties");
    return schema;
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("tool " + what + " must not be blank");
    }
  }
}
