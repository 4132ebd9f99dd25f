package dev.orca.skills.session;

import dev.orca.core.OrcaException;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Auto-checkpoints of one session: the runtime calls {@link #beforeCell} before it runs a cell and
 * {@link #afterCell} after, so a kernel death or a host crash loses at most the running cell, and a
 * restart can say which cell that was ({@link SessionStore#running}).
 *
 * <p>After every successful cell the kernel's {@link Kernel#checkpoint() checkpoint} (the host's
 * cached copy of each variable's JSON, no round trip to the kernel) is written; values whose JSON
 * did not change are linked from the previous checkpoint instead of written again. A failing
 * checkpoint never fails the cell: it is reported in the returned {@link Checkpoint}.
 */
public final class SessionCheckpointer {
  private final SessionStore store;
  private final String name;
  private final Supplier<List<SkillReference>> skillsInUse;
  private final int keep;
  private final Predicate<String> retentionApplies;
  private boolean started;

  /**
   * Creates a checkpointer.
   *
   * @param store where the session lives
   * @param name the session's name (e.g. from {@code --session NAME}, or generated per run)
   * @param skillsInUse the learned functions and agents loaded now
   */
  public SessionCheckpointer(
      SessionStore store, String name, Supplier<List<SkillReference>> skillsInUse) {
    this(store, name, skillsInUse, 0);
  }

  /**
   * Creates a checkpointer that also applies retention ({@code [sessions] keep}) when it starts the
   * session: the oldest other sessions beyond {@code keep} are deleted.
   *
   * @param store where the session lives
   * @param name the session's name
   * @param skillsInUse the learned functions and agents loaded now
   * @param keep how many sessions to keep, or {@code 0} for no retention
   */
  public SessionCheckpointer(
      SessionStore store, String name, Supplier<List<SkillReference>> skillsInUse, int keep) {
    this(store, name, skillsInUse, keep, other -> true);
  }

  /**
   * Creates a checkpointer whose retention applies only to some sessions (e.g. the automatically
   * named ones, so that a session a person named is kept until it is deleted).
   *
   * @param store where the session lives
   * @param name the session's name
   * @param skillsInUse the learned functions and agents loaded now
   * @param keep how many of the eligible sessions to keep, or {@code 0} for no retention
   * @param retentionApplies which sessions retention may count and delete
   */
  public SessionCheckpointer(
      SessionStore store,
      String name,
      Supplier<List<SkillReference>> skillsInUse,
      int keep,
      Predicate<String> retentionApplies) {
    this.store = Objects.requireNonNull(store, "store");
    this.retentionApplies = Objects.requireNonNull(retentionApplies, "retentionApplies");
    this.name = SessionName.check(name);
    this.skillsInUse = Objects.requireNonNull(skillsInUse, "skillsInUse");
    if (keep < 0) {
      throw new IllegalArgumentException("keep must be >= 0, was " + keep);
    }
    this.keep = keep;
  }

  /** The session's name. */
  public String sessionName() {
    return name;
  }

  /**
   * Marks the cell as running ({@code running.json}).
   *
   * @param code the cell's source
   */
  public void beforeCell(String code) {
    store.markRunning(name, code);
    if (!started) {
      started = true;
      if (keep > 0) {
        try {
          store.applyRetention(keep, Set.of(name), retentionApplies);
        } catch (OrcaException e) {
          // Retention is housekeeping: never fail a cell for it.
        }
      }
    }
  }

  /**
   * Ends the cell: after a success, checkpoints the kernel's state (which also clears the running
   * marker in the same atomic step); otherwise only clears the marker.
   *
   * @param kernel the kernel the cell ran in
   * @param result the cell's result
   * @return what was written
   */
  public Checkpoint afterCell(Kernel kernel, ExecutionResult result) {
    if (!(result instanceof ExecutionResult.Success)) {
      long start = System.nanoTime();
      try {
        store.clearRunning(name);
        return new Checkpoint(name, false, List.of(), 0, elapsedMs(start), null);
      } catch (OrcaException e) {
        return new Checkpoint(name, false, List.of(), 0, elapsedMs(start), e.getMessage());
      }
    }
    return checkpoint(kernel);
  }

  /**
   * Checkpoints the kernel's state now, between cells (after a session was loaded into it, for
   * instance); clears the running marker in the same atomic step. Never throws for a failing write:
   * the failure is in the returned {@link Checkpoint}.
   *
   * @param kernel the kernel whose {@link Kernel#checkpoint()} is written
   * @return what was written
   */
  public Checkpoint checkpoint(Kernel kernel) {
    long start = System.nanoTime();
    try {
      KernelSnapshot snapshot = kernel.checkpoint();
      SessionManifest before = store.manifest(name).orElse(null);
      SessionManifest after = store.checkpoint(name, snapshot, skillsInUse.get());
      List<String> changed = new ArrayList<>();
      int unchanged = 0;
      for (SavedVariable v : after.variables()) {
        SavedVariable old = before == null ? null : before.variable(v.name());
        if (old != null && Objects.equals(old.sha256(), v.sha256()) && old.how() == v.how()) {
          unchanged++;
        } else {
          changed.add(v.name());
        }
      }
      return new Checkpoint(name, true, changed, unchanged, elapsedMs(start), null);
    } catch (OrcaException | IllegalStateException e) {
      return new Checkpoint(
          name, false, List.of(), 0, elapsedMs(start), "checkpoint failed: " + e.getMessage());
    }
  }

  private static long elapsedMs(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * What one checkpoint did.
   *
   * @param session the session's name
   * @param written whether a checkpoint was written
   * @param changedVariables variables written because they are new or changed
   * @param unchangedVariables how many variables were linked from the previous checkpoint
   * @param durationMs how long it took
   * @param error why the checkpoint failed, or {@code null}
   */
  public record Checkpoint(
      String session,
      boolean written,
      List<String> changedVariables,
      int unchangedVariables,
      long durationMs,
      String error) {
    /** Copies. */
    public Checkpoint {
      changedVariables = List.copyOf(changedVariables);
    }
  }
}
