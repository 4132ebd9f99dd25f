package dev.orca.skills.session;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of {@code orca sessions list}.
 *
 * @param name the session's name
 * @param path its directory
 * @param updated when it was last saved
 * @param variables how many variables it holds
 * @param notRestorable how many of them are not restorable
 * @param bytes total bytes of stored values
 * @param interrupted whether a cell was running when it stopped
 */
public record SessionSummary(
    String name,
    Path path,
    Instant updated,
    int variables,
    int notRestorable,
    long bytes,
    boolean interrupted) {
  /** Validates. */
  public SessionSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(updated, "updated");
  }
}
