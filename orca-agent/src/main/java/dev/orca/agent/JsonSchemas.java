package dev.orca.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns JSON Schema documents (as tools and MCP servers publish them) into LangChain4j tools. */
public final class JsonSchemas {
  private JsonSchemas() {}

  /**
   * A LangChain4j tool specification with the schema kept exactly as written: each property's
   * schema is passed through raw, so nothing is lost in translation.
   *
   * @param name the tool name
   * @param description the description
   * @param schema an object schema ({@code {"type":"object","properties":{...},"required":[...]}})
   * @return the specification
   */
  public static ToolSpecification tool(String name, String description, JsonNode schema) {
    return ToolSpecification.builder()
        .name(name)
        .description(description)
        .parameters(objectSchema(schema))
        .build();
  }

  /**
   * An object schema whose properties are raw JSON Schema.
   *
   * @param schema the JSON Schema of an object (missing properties are allowed)
   * @return the LangChain4j schema
   */
  public static JsonObjectSchema objectSchema(JsonNode schema) {
    JsonObjectSchema.Builder b = JsonObjectSchema.builder();
    if (schema == null || !schema.isObject()) {
      return b.build();
    }
    if (schema.hasNonNull("description")) {
      b.description(schema.get("description").asText());
    }
    JsonNode props = schema.get("properties");
    if (props != null && props.isObject()) {
      for (Map.Entry<String, JsonNode> p : props.properties()) {
        b.addProperty(p.getKey(), JsonRawSchema.from(p.getValue().toString()));
      }
    }
    JsonNode required = schema.get("required");
    if (required != null && required.isArray()) {
      List<String> names = new ArrayList<>();
      required.forEach(r -> names.add(r.asText()));
      b.required(names);
    }
    return b.build();
  }
}
