package dev.orca.skills.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a load brought back: per variable, how it was restored or why it was not, the definitions
 * replayed, the skills re-activated, and the cell that was running when the session stopped.
 *
 * @param name the session's name
 * @param path its directory
 * @param variables one line per saved variable
 * @param replayedDefinitions the definitions replayed into the kernel
 * @param skillNotes what the {@link SkillActivator} did for each referenced skill
 * @param skills the referenced skills
 * @param interrupted the cell that was running when the session stopped, if any
 */
public record LoadReport(
    String name,
    Path path,
    List<VariableOutcome> variables,
    List<String> replayedDefinitions,
    List<String> skillNotes,
    List<SkillReference> skills,
    Optional<RunningCell> interrupted) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One variable's fate.
   *
   * @param name the variable
   * @param how {@code restored from data (json|csv)}, {@code recomputed by replay}, or {@code not
   *     restorable: <reason>}
   * @param restored whether it holds its saved value now
   */
  public record VariableOutcome(String name, String how, boolean restored) {
    /** Validates. */
    public VariableOutcome {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(how, "how");
    }
  }

  /** Copies and validates. */
  public LoadReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    variables = List.copyOf(variables);
    replayedDefinitions = List.copyOf(replayedDefinitions);
    skillNotes = List.copyOf(skillNotes);
    skills = List.copyOf(skills);
    Objects.requireNonNull(interrupted, "interrupted");
  }

  /** {@code {path, variables:[{name, how, restored}], functions, agents, ...}}. */
  public ObjectNode toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", name);
    node.put("path", path.toString());
    ArrayNode vars = node.putArray("variables");
    for (VariableOutcome v : variables) {
      vars.addObject().put("name", v.name()).put("how", v.how()).put("restored", v.restored());
    }
    ArrayNode functions = node.putArray("functions");
    ArrayNode agents = node.putArray("agents");
    for (SkillReference s : skills) {
      (s.kind().equals("function") ? functions : agents).add(s.name() + "@" + s.version());
    }
    replayedDefinitions.forEach(node.putArray("definitions")::add);
    skillNotes.forEach(node.putArray("skillNotes")::add);
    interrupted.ifPresent(r -> node.put("interrupted", r.describe()));
    node.put("summary", describe());
    return node;
  }

  /** A paragraph for a person or a model. */
  public String describe() {
    long restored = variables.stream().filter(VariableOutcome::restored).count();
    StringBuilder sb = new StringBuilder();
    sb.append("Loaded session '")
        .append(name)
        .append("': replayed ")
        .append(replayedDefinitions.size())
        .append(" definition(s), restored ")
        .append(restored)
        .append(" of ")
        .append(variables.size())
        .append(" variable(s)");
    List<VariableOutcome> lost = variables.stream().filter(v -> !v.restored()).toList();
    if (!lost.isEmpty()) {
      sb.append("; not restored: ");
      for (int i = 0; i < lost.size(); i++) {
        sb.append(i > 0 ? "; " : "").append(lost.get(i).name()).append(" (");
        sb.append(lost.get(i).how()).append(")");
      }
    }
    sb.append(".");
    interrupted.ifPresent(r -> sb.append(" ").append(r.describe()));
    return sb.toString();
  }
}
