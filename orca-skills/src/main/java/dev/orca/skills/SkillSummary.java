package dev.orca.skills;

import dev.orca.skills.store.SkillKind;
import java.util.Objects;

/**
 * One line of {@code orca skills list}.
 *
 * @param name the skill's name
 * @param kind function or agent
 * @param deployedVersion the deployed version, 0 when none
 * @param versions how many versions exist
 * @param state {@code deployed}, {@code edited} (changed by hand since deployment), {@code
 *     pending}, {@code rejected} or {@code unrecorded} (a file Orca has no record of)
 * @param signature how kernel code calls it
 * @param description what it does
 */
public record SkillSummary(
    String name,
    SkillKind kind,
    int deployedVersion,
    int versions,
    String state,
    String signature,
    String description) {
  /** Validates. */
  public SkillSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    signature = Objects.requireNonNullElse(signature, "");
    description = Objects.requireNonNullElse(description, "");
  }
}
