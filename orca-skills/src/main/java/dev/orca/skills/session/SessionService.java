package dev.orca.skills.session;

import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.RestoreReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Saving and loading sessions against a kernel: what the REPL's {@code :save}/{@code :load}, the
 * MCP tools {@code save_session_state}/{@code load_session_state} and the bridge handlers call.
 */
public final class SessionService {
  private final SessionStore store;
  private final Supplier<List<SkillReference>> skillsInUse;
  private final SkillActivator activator;

  /**
   * Creates the service.
   *
   * @param store where sessions live
   * @param skillsInUse the learned functions and agents loaded now, with versions
   * @param activator what re-activates a loaded session's skills
   */
  public SessionService(
      SessionStore store, Supplier<List<SkillReference>> skillsInUse, SkillActivator activator) {
    this.store = Objects.requireNonNull(store, "store");
    this.skillsInUse = Objects.requireNonNull(skillsInUse, "skillsInUse");
    this.activator = Objects.requireNonNull(activator, "activator");
  }

  /** A service without learned skills to reference or re-activate. */
  public static SessionService of(SessionStore store) {
    return new SessionService(store, List::of, SkillActivator.REPORT_ONLY);
  }

  /** The store. */
  public SessionStore store() {
    return store;
  }

  /** The skills in use now. */
  public List<SkillReference> skillsInUse() {
    return List.copyOf(skillsInUse.get());
  }

  /**
   * Saves a snapshot (taken in the kernel, or by {@link Kernel#snapshot()}).
   *
   * @param name the session's name
   * @param snapshot the state
   * @return what was written
   */
  public SaveReport save(String name, KernelSnapshot snapshot) {
    SessionManifest m = store.save(name, snapshot, skillsInUse());
    return new SaveReport(name, store.directory(name), m);
  }

  /** Takes the kernel's snapshot and saves it. Call between cells. */
  public SaveReport save(String name, Kernel kernel) {
    return save(name, kernel.snapshot());
  }

  /**
   * Loads a session into a kernel: its state is replaced (fresh child process, definitions
   * replayed, values restored from JSON), and its skills re-activated. Call between cells.
   *
   * @param name the session's name
   * @param kernel the kernel to restore into
   * @return per variable what happened
   */
  public LoadReport loadInto(String name, Kernel kernel) {
    LoadedSession loaded = store.load(name);
    RestoreReport restore = kernel.restore(loaded.snapshot());
    List<String> notes = activator.activate(loaded.manifest().skills(), kernel);
    return report(loaded, store.directory(name), restore, notes);
  }

  static LoadReport report(
      LoadedSession loaded, Path path, RestoreReport restore, List<String> notes) {
    Map<String, String> lost = new HashMap<>();
    for (RestoreReport.LostVariable l : restore.lostVariables()) {
      lost.put(l.name(), l.reason());
    }
    List<LoadReport.VariableOutcome> outcomes = new ArrayList<>();
    for (SavedVariable v : loaded.manifest().variables()) {
      if (restore.recomputed(v.name())) {
        outcomes.add(new LoadReport.VariableOutcome(v.name(), "recomputed by replay", true));
      } else if (restore.restoredVariables().contains(v.name())) {
        outcomes.add(
            new LoadReport.VariableOutcome(
                v.name(),
                v.how() == VariableStorage.TABLE_CSV
                    ? "restored from data (csv)"
                    : "restored from data (json)",
                true));
      } else {
        String reason =
            lost.getOrDefault(
                v.name(), v.reason() != null ? v.reason() : "the kernel did not restore it");
        outcomes.add(new LoadReport.VariableOutcome(v.name(), "not restorable: " + reason, false));
      }
    }
    return new LoadReport(
        loaded.manifest().name(),
        path,
        outcomes,
        restore.replayedDefinitions(),
        notes,
        loaded.manifest().skills(),
        loaded.interrupted());
  }
}
