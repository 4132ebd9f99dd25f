package dev.orca.kernel;

import java.util.List;

/**
 * What a kernel rebuild kept and lost.
 *
 * @param replayedDefinitions names of imports, methods and types replayed into the new kernel
 * @param restoredVariables variables that hold their value again: restored from their last
 *     checkpoint's data, or recomputed by replaying their declaration
 * @param lostVariables variables that could not be restored, each with the reason
 * @param recomputedVariables those of {@code restoredVariables} recomputed by replaying their
 *     (pure) declaration because their values were not data
 */
public record RestoreReport(
    List<String> replayedDefinitions,
    List<String> restoredVariables,
    List<LostVariable> lostVariables,
    List<String> recomputedVariables) {

  /** Nothing to restore: a fresh kernel. */
  public static final RestoreReport NOTHING = new RestoreReport(List.of(), List.of(), List.of());

  /** Copies and validates. */
  public RestoreReport {
    replayedDefinitions = List.copyOf(replayedDefinitions);
    restoredVariables = List.copyOf(restoredVariables);
    lostVariables = List.copyOf(lostVariables);
    recomputedVariables =
        recomputedVariables == null ? List.of() : List.copyOf(recomputedVariables);
    if (!restoredVariables.containsAll(recomputedVariables)) {
      throw new IllegalArgumentException("recomputed variables are restored variables too");
    }
  }

  /** A report where every restored variable came back from data. */
  public RestoreReport(
      List<String> replayedDefinitions,
      List<String> restoredVariables,
      List<LostVariable> lostVariables) {
    this(replayedDefinitions, restoredVariables, lostVariables, List.of());
  }

  /** Whether this variable was recomputed by replaying its declaration. */
  public boolean recomputed(String name) {
    return recomputedVariables.contains(name);
  }

  /**
   * A variable the rebuild could not bring back.
   *
   * @param name the variable's name
   * @param reason why, e.g. "its value is not plain data (java.lang.Thread)"
   */
  public record LostVariable(String name, String reason) {}

  /** One paragraph for a model or a person. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("Kernel restarted. Replayed ")
        .append(replayedDefinitions.size())
        .append(" definition(s); restored ")
        .append(restoredVariables.size())
        .append(" variable(s)");
    if (!restoredVariables.isEmpty()) {
      sb.append(" (").append(String.join(", ", restoredVariables)).append(")");
    }
    if (!recomputedVariables.isEmpty()) {
      sb.append(", of which recomputed by replay: ").append(String.join(", ", recomputedVariables));
    }
    if (lostVariables.isEmpty()) {
      sb.append("; nothing lost.");
    } else {
      sb.append("; lost ").append(lostVariables.size()).append(": ");
      for (int i = 0; i < lostVariables.size(); i++) {
        LostVariable lost = lostVariables.get(i);
        if (i > 0) {
          sb.append("; ");
        }
        sb.append(lost.name()).append(" (").append(lost.reason()).append(")");
      }
      sb.append(".");
    }
    return sb.toString();
  }
}
