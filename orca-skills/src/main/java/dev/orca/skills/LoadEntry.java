package dev.orca.skills;

import dev.orca.skills.store.SkillKind;
import java.util.Objects;

/**
 * Whether one learned skill can be loaded, and why not.
 *
 * @param name the skill's name
 * @param kind function or agent
 * @param version the version that loads (0 when none)
 * @param loaded whether it loads
 * @param regated whether its files had been edited and were gated again
 * @param reason why it does not load (empty when it does)
 */
public record LoadEntry(
    String name, SkillKind kind, int version, boolean loaded, boolean regated, String reason) {
  /** Validates. */
  public LoadEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    reason = Objects.requireNonNullElse(reason, "");
  }

  /** One line for the CLI. */
  public String render() {
    return (kind == SkillKind.FUNCTION ? "function " : "agent ")
        + name
        + (loaded ? " v" + version + " loaded" : " NOT loaded: " + reason)
        + (regated && loaded ? " (edited by hand; re-gated as v" + version + ")" : "");
  }
}
