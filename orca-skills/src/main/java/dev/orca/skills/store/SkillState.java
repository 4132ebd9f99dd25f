package dev.orca.skills.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Orca keeps about one skill: its versions and which one is deployed ({@code state.json}
 * next to its versions).
 *
 * @param name the skill's name
 * @param kind function or agent
 * @param versions every version, oldest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SkillState(String name, SkillKind kind, List<VersionRecord> versions) {

  /** Validates and copies. */
  public SkillState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    versions = versions == null ? List.of() : List.copyOf(versions);
  }

  /** The deployed version, if any. */
  @JsonIgnore
  public Optional<VersionRecord> deployed() {
    return versions.stream().filter(v -> v.status() == VersionStatus.DEPLOYED).findFirst();
  }

  /** The newest version, if any. */
  @JsonIgnore
  public Optional<VersionRecord> latest() {
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** A version by number. */
  public Optional<VersionRecord> version(int v) {
    return versions.stream().filter(r -> r.version() == v).findFirst();
  }

  /** The number the next version gets. */
  @JsonIgnore
  public int nextVersion() {
    return versions.stream().mapToInt(VersionRecord::version).max().orElse(0) + 1;
  }

  /**
   * A copy with a version added or replaced (same number).
   *
   * @param record the version
   * @return the new state
   */
  public SkillState with(VersionRecord record) {
    List<VersionRecord> list = new ArrayList<>();
    boolean replaced = false;
    for (VersionRecord v : versions) {
      if (v.version() == record.version()) {
        list.add(record);
        replaced = true;
      } else {
        list.add(v);
      }
    }
    if (!replaced) {
      list.add(record);
    }
    return new SkillState(name, kind, list);
  }

  /**
   * A copy where {@code version} is deployed and the previously deployed one is superseded.
   *
   * @param version the version to deploy
   * @param who who approved it
   * @return the new state
   */
  public SkillState deploy(int version, String who) {
    List<VersionRecord> list = new ArrayList<>();
    for (VersionRecord v : versions) {
      if (v.version() == version) {
        list.add(v.deployedBy(who));
      } else if (v.status() == VersionStatus.DEPLOYED) {
        list.add(v.withStatus(VersionStatus.SUPERSEDED));
      } else {
        list.add(v);
      }
    }
    return new SkillState(name, kind, list);
  }
}
