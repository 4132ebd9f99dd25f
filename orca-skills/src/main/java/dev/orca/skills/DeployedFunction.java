package dev.orca.skills;

import dev.orca.skills.store.SkillName;
import java.util.Objects;

/**
 * A learned function ready to be loaded into a kernel and registered for search.
 *
 * @param name its name
 * @param version the deployed version
 * @param signature its kernel signature, e.g. {@code int clamp(int value, int low, int high)}
 * @param description what it does
 * @param source its source (the deployed file)
 */
public record DeployedFunction(
    SkillName name, int version, String signature, String description, String source) {
  /** Validates. */
  public DeployedFunction {
    Objects.requireNonNull(name, "name");
    signature = Objects.requireNonNullElse(signature, "");
    description = Objects.requireNonNullElse(description, "");
    Objects.requireNonNull(source, "source");
  }
}
