package dev.orca.skills;

import dev.orca.core.OrcaException;
import dev.orca.core.history.SkillEventType;
import dev.orca.skills.internal.SkillHistory;
import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.SkillName;
import dev.orca.skills.store.SkillState;
import dev.orca.skills.store.SkillStore;
import dev.orca.skills.store.VersionRecord;
import dev.orca.skills.store.VersionStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Deploys a recorded function version: copies its files from {@code versions/Name/vN/} to {@code
 * functions/} and {@code tests/}, marks it deployed in {@code state.json}, records the history
 * events and tells the listeners (kernels, search).
 */
final class Deployments {
  private final SkillStore store;
  private final SkillHistory history;
  private final List<SkillListener> listeners;

  Deployments(SkillStore store, SkillHistory history, List<SkillListener> listeners) {
    this.store = store;
    this.history = history;
    this.listeners = listeners;
  }

  /**
   * Deploys a version.
   *
   * @param name the function
   * @param version the version, recorded in its state
   * @param who {@code gate} or {@code person}
   * @param rollback whether this deploys an earlier version again
   * @return {@link VersionStatus#DEPLOYED}
   */
  VersionStatus deploy(SkillName name, int version, String who, boolean rollback) {
    SkillState state = requireState(name);
    VersionRecord rec = state.version(version).orElseThrow(() -> noVersion(name, version));
    Path vdir = store.versionDir(SkillKind.FUNCTION, name.method(), version);
    String source =
        SkillStore.read(vdir.resolve(name.className() + ".java"))
            .orElseThrow(
                () ->
                    OrcaException.invalid(
                        "The files of "
                            + name
                            + " v"
                            + version
                            + " are missing from "
                            + vdir
                            + "."));
    Optional<String> tests = SkillStore.read(vdir.resolve(name.testClassName() + ".java"));
    SkillStore.write(store.functionFile(name), source);
    if (tests.isPresent()) {
      SkillStore.write(store.testFile(name), tests.get());
    }
    VersionRecord fixed =
        GenerationRecords.withHashes(
            rec, SkillStore.sha256(source), tests.map(SkillStore::sha256).orElse(""));
    store.save(state.with(fixed).deploy(version, who));
    history.record(name.method(), version, SkillEventType.APPROVED, d -> d.put("by", who), 0, 0);
    history.record(
        name.method(),
        version,
        rollback ? SkillEventType.ROLLED_BACK : SkillEventType.DEPLOYED,
        d -> d.put("by", who),
        0,
        0);
    DeployedFunction f =
        new DeployedFunction(name, version, rec.signature(), rec.description(), source);
    listeners.forEach(l -> l.functionDeployed(f));
    return VersionStatus.DEPLOYED;
  }

  /** The function's record, or an error that says how to list them. */
  SkillState requireState(SkillName name) {
    return store
        .state(SkillKind.FUNCTION, name.method())
        .orElseThrow(
            () ->
                OrcaException.invalid(
                    "No learned function " + name + " (orca skills list shows them)."));
  }

  /** The error for a version a function does not have. */
  static OrcaException noVersion(SkillName name, int v) {
    return OrcaException.invalid(
        name + " has no version " + v + " (orca skills show " + name + " lists them).");
  }
}
