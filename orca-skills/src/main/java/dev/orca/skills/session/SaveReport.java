package dev.orca.skills.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a save wrote: the answer of {@code saveSessionState} and {@code save_session_state}.
 *
 * @param name the session's name
 * @param path its directory
 * @param manifest the manifest written
 */
public record SaveReport(String name, Path path, SessionManifest manifest) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Validates. */
  public SaveReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(manifest, "manifest");
  }

  /** Names of the learned functions referenced. */
  public List<String> functions() {
    return manifest.skills().stream()
        .filter(s -> s.kind().equals("function"))
        .map(s -> s.name() + "@" + s.version())
        .toList();
  }

  /** Names of the learned agents referenced. */
  public List<String> agents() {
    return manifest.skills().stream()
        .filter(s -> s.kind().equals("agent"))
        .map(s -> s.name() + "@" + s.version())
        .toList();
  }

  /** {@code {path, variables:[{name, how}], functions, agents}} (DESIGN.md §2.4). */
  public ObjectNode toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", name);
    node.put("path", path.toString());
    ArrayNode vars = node.putArray("variables");
    for (SavedVariable v : manifest.variables()) {
      vars.addObject().put("name", v.name()).put("type", v.type()).put("how", v.describeHow());
    }
    functions().forEach(node.putArray("functions")::add);
    agents().forEach(node.putArray("agents")::add);
    return node;
  }

  /** One line for a person. */
  public String describe() {
    long lost =
        manifest.variables().stream()
            .filter(v -> v.how() == VariableStorage.NOT_RESTORABLE)
            .count();
    return "Saved session '"
        + name
        + "' to "
        + path
        + ": "
        + manifest.definitions()
        + " definition(s), "
        + manifest.variables().size()
        + " variable(s)"
        + (lost > 0 ? " (" + lost + " not restorable)" : "")
        + ".";
  }
}
