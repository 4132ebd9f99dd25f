package dev.orca.skills.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A request to generate a learned function from a pattern: the arguments of {@code
 * generateFunction(name, description, examples)}, with the concrete past cells as examples and a
 * proposed signature.
 *
 * @param name the function's name (a Java identifier)
 * @param description what it should do
 * @param examples concrete past cells that did this work by hand
 * @param signatureHint a proposed signature (parameters from the values that differed between the
 *     cells, the result they ended with), starting with the name; empty when there is none
 */
public record FunctionRequest(
    String name, String description, List<String> examples, String signatureHint) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Validates and copies. */
  public FunctionRequest {
    if (name == null || !name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
      throw new IllegalArgumentException("name must be a Java identifier, was " + name);
    }
    Objects.requireNonNull(description, "description");
    examples = List.copyOf(examples);
    signatureHint = signatureHint == null ? "" : signatureHint;
  }

  /**
   * A request without a signature hint.
   *
   * @param name the function's name
   * @param description what it should do
   * @param examples concrete past cells
   */
  public FunctionRequest(String name, String description, List<String> examples) {
    this(name, description, examples, "");
  }

  /**
   * The same request under another name (the hint is renamed too).
   *
   * @param newName the function's name
   * @return the renamed request
   */
  public FunctionRequest withName(String newName) {
    String hint =
        signatureHint.startsWith(name + "(")
            ? newName + signatureHint.substring(name.length())
            : signatureHint;
    return new FunctionRequest(newName, description, examples, hint);
  }

  /** The description the generator gets: what it should do, then the signature hint. */
  public String generatorDescription() {
    if (signatureHint.isEmpty()) {
      return description;
    }
    return description
        + "\nSignature hint (from the cells; improve names and types where the cells show"
        + " better ones):\n"
        + signatureHint;
  }

  /** The bridge arguments of {@code generateFunction}: {@code {name, description, examples}}. */
  public ObjectNode toGenerateFunctionArgs() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", name);
    node.put("description", generatorDescription());
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
