package dev.orca.skills.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.OrcaException;
import dev.orca.skills.store.SkillName;
import dev.orca.skills.store.SkillStore;
import java.util.List;
import java.util.Objects;

/**
 * A request for a learned function: its name, what it must do, and examples (any JSON: strings like
 * {@code "clamp(5, 1, 3) -> 3"} or objects like {@code {"input": ..., "output": ...}}).
 *
 * @param name the function's name
 * @param description what it must do
 * @param examples examples, as JSON values
 */
public record FunctionRequest(SkillName name, String description, List<JsonNode> examples) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Validates and copies. */
  public FunctionRequest {
    Objects.requireNonNull(name, "name");
    if (description == null || description.isBlank()) {
      throw OrcaException.invalid(
          "generateFunction needs a description of what " + name + " must do.");
    }
    description = description.strip();
    examples = List.copyOf(examples == null ? List.of() : examples);
  }

  /**
   * Reads a request from bridge arguments {@code {"name","description","examples":[...]}}.
   *
   * @param args the arguments
   * @return the request
   */
  public static FunctionRequest fromJson(JsonNode args) {
    JsonNode ex = args.path("examples");
    List<JsonNode> examples =
        ex.isArray()
            ? java.util.stream.StreamSupport.stream(ex.spliterator(), false).toList()
            : ex.isMissingNode() || ex.isNull() ? List.of() : List.of(ex);
    return new FunctionRequest(
        SkillName.of(args.path("name").asText("")), args.path("description").asText(""), examples);
  }

  /** The request as JSON (what the request hash is computed over). */
  public ObjectNode toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", name.method());
    o.put("description", description);
    ArrayNode a = o.putArray("examples");
    examples.forEach(a::add);
    return o;
  }

  /** {@code sha256:} of the request's JSON. */
  public String hash() {
    return SkillStore.sha256(toJson().toString());
  }

  /** The examples as lines for a prompt. */
  public String examplesText() {
    if (examples.isEmpty()) {
      return "(none given)\n";
    }
    StringBuilder b = new StringBuilder();
    for (JsonNode e : examples) {
      b.append("- ").append(e.isTextual() ? e.asText() : e.toString()).append('\n');
    }
    return b.toString();
  }
}
