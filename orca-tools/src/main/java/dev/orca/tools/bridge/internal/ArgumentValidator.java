package dev.orca.tools.bridge.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks tool arguments against the JSON Schema subset tools use in practice: {@code type} (single
 * or list), {@code required}, {@code properties}, {@code additionalProperties: false}, {@code
 * enum}, {@code items}, {@code minimum}/{@code maximum}. Unknown keywords are ignored (a server
 * validates its own arguments too); the point is a clear message before a call is made.
 */
public final class ArgumentValidator {

  private static final int MAX_PROBLEMS = 8;

  private ArgumentValidator() {}

  /**
   * Validates.
   *
   * @param schema the tool's argument schema
   * @param args the arguments
   * @return problems, one line each (empty when valid)
   */
  public static List<String> validate(JsonNode schema, JsonNode args) {
    List<String> problems = new ArrayList<>();
    check(schema, args, "", problems, 0);
    return problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
  }

  private static void check(
      JsonNode schema, JsonNode value, String path, List<String> problems, int depth) {
    if (schema == null || !schema.isObject() || depth > 20 || problems.size() > MAX_PROBLEMS) {
      return;
    }
    String where = path.isEmpty() ? "arguments" : "'" + path + "'";
    JsonNode type = schema.get("type");
    if (type != null && !matchesType(type, value)) {
      problems.add(where + " must be " + describe(type) + ", got " + kindOf(value));
      return;
    }
    JsonNode enumValues = schema.get("enum");
    if (enumValues != null && enumValues.isArray() && !contains(enumValues, value)) {
      problems.add(where + " must be one of " + enumValues + ", got " + value);
    }
    if (value.isNumber()) {
      JsonNode min = schema.get("minimum");
      JsonNode max = schema.get("maximum");
      if (min != null && min.isNumber() && value.asDouble() < min.asDouble()) {
        problems.add(where + " must be at least " + min + ", got " + value);
      }
      if (max != null && max.isNumber() && value.asDouble() > max.asDouble()) {
        problems.add(where + " must be at most " + max + ", got " + value);
      }
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      for (JsonNode required : schema.path("required")) {
        String name = required.asText();
        if (!value.has(name) || value.get(name).isNull() && !allowsNull(properties.get(name))) {
          problems.add("missing required argument '" + join(path, name) + "'");
        }
      }
      boolean closed =
          schema.path("additionalProperties").isBoolean()
              && !schema.get("additionalProperties").asBoolean();
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode propertySchema = properties.get(field.getKey());
        if (propertySchema == null) {
          if (closed) {
            problems.add(
                "unknown argument '"
                    + join(path, field.getKey())
                    + "'; known: "
                    + String.join(", ", names(properties)));
          }
        } else if (!field.getValue().isNull()) {
          check(propertySchema, field.getValue(), join(path, field.getKey()), problems, depth + 1);
        }
      }
    }
    if (value.isArray() && schema.has("items") && schema.get("items").isObject()) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]", problems, depth + 1);
      }
    }
  }

  private static boolean matchesType(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (matchesType(t, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "string" -> value.isTextual();
      case "integer" ->
          value.isIntegralNumber()
              || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      case "null" -> value.isNull();
      default -> true;
    };
  }

  private static boolean allowsNull(JsonNode propertySchema) {
    if (propertySchema == null) {
      return false;
    }
    JsonNode type = propertySchema.get("type");
    return type != null && matchesType(type, com.fasterxml.jackson.databind.node.NullNode.instance);
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode v : values) {
      if (v.equals(value) || v.isNumber() && value.isNumber() && v.asDouble() == value.asDouble()) {
        return true;
      }
    }
    return false;
  }

  private static String describe(JsonNode type) {
    if (type.isArray()) {
      List<String> names = new ArrayList<>();
      type.forEach(t -> names.add(article(t.asText())));
      return String.join(" or ", names);
    }
    return article(type.asText());
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "array", "object" -> "an " + type;
      case "null" -> "null";
      default -> "a " + type;
    };
  }

  private static String kindOf(JsonNode value) {
    if (value.isTextual()) {
      String text = value.asText();
      return "a string (\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\")";
    }
    if (value.isIntegralNumber()) {
      return "an integer (" + value + ")";
    }
    if (value.isNumber()) {
      return "a number (" + value + ")";
    }
    if (value.isBoolean()) {
      return "a boolean (" + value + ")";
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isObject()) {
      return "an object";
    }
    return "null";
  }

  private static List<String> names(JsonNode properties) {
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
