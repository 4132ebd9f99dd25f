package dev.orca.skills.session;

import java.util.Objects;

/**
 * A learned function or sub-agent a session was using, pinned to a version.
 *
 * @param kind {@code function} or {@code agent}
 * @param name its name
 * @param version its version
 * @param path its file or directory relative to the Orca home (e.g. {@code
 *     learned_skills/functions/ParseCsv.java})
 */
public record SkillReference(String kind, String name, String version, String path) {
  /** Validates. */
  public SkillReference {
    if (!"function".equals(kind) && !"agent".equals(kind)) {
      throw new IllegalArgumentException("kind must be 'function' or 'agent', was " + kind);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(path, "path");
  }
}
