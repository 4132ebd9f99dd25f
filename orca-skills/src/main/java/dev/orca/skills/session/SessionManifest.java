package dev.orca.skills.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code manifest.json} of a saved session: what it holds and how each variable is stored.
 *
 * @param format the manifest format version ({@link #FORMAT})
 * @param name the session's name
 * @param created when the session was first saved
 * @param updated when it was last saved (or checkpointed)
 * @param orcaVersion the Orca version that wrote it
 * @param snapshotTakenAt when the kernel snapshot was taken
 * @param definitions how many definitions {@code definitions.jsonl} holds
 * @param variables the variables in declaration order
 * @param skills the learned functions and agents in use, with versions
 */
public record SessionManifest(
    int format,
    String name,
    Instant created,
    Instant updated,
    String orcaVersion,
    Instant snapshotTakenAt,
    int definitions,
    List<SavedVariable> variables,
    List<SkillReference> skills) {

  /** The manifest format this code writes. */
  public static final int FORMAT = 1;

  /** Validates. */
  public SessionManifest {
    SessionName.check(name);
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(orcaVersion, "orcaVersion");
    Objects.requireNonNull(snapshotTakenAt, "snapshotTakenAt");
    variables = List.copyOf(variables);
    skills = skills == null ? List.of() : List.copyOf(skills);
  }

  /** The variable with this name, or {@code null}. */
  public SavedVariable variable(String variableName) {
    for (SavedVariable v : variables) {
      if (v.name().equals(variableName)) {
        return v;
      }
    }
    return null;
  }

  /** Total bytes of stored values. */
  public long valueBytes() {
    return variables.stream().mapToLong(SavedVariable::bytes).sum();
  }
}
