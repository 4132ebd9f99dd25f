package dev.orca.skills.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A request to generate a learned function from a pattern: the arguments of {@code
 * generateFunction(name, description, examples)}, with the concrete past cells as examples.
 *
 * @param name the function's name (a Java identifier)
 * @param description what it should do
 * @param examples concrete past cells that did this work by hand
 */
public record FunctionRequest(String name, String description, List<String> examples) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Validates and copies. */
  public FunctionRequest {
    if (name == null || !name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
      throw new IllegalArgumentException("name must be a Java identifier, was " + name);
    }
    Objects.requireNonNull(description, "description");
    examples = List.copyOf(examples);
  }

  /** The bridge arguments of {@code generateFunction}: {@code {name, description, examples}}. */
  public ObjectNode toGenerateFunctionArgs() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", name);
    node.put("description", description);
    examples.forEach(node.putArray("examples")::add);
    return node;
  }

  /**
   * The same request as the skills pipeline takes it ({@code SkillService.generateFunction}).
   *
   * @return the generator's request
   * @throws dev.orca.core.OrcaException when the name is not a valid skill name
   */
  public dev.orca.skills.generate.FunctionRequest toGenerateRequest() {
    return dev.orca.skills.generate.FunctionRequest.fromJson(toGenerateFunctionArgs());
  }
}
