package dev.orca.kernel;

import java.util.List;

/**
 * What a kernel rebuild kept and lost.
 *
 * @param replayedDefinitions names of imports, methods and types replayed into the new kernel
 * @param restoredVariables variables whose values were restored from their last checkpoint
 * @param lostVariables variables that could not be restored, each with the reason
 */
public record RestoreReport(
    List<String> replayedDefinitions,
    List<String> restoredVariables,
    List<LostVariable> lostVariables) {

  /** Nothing to restore: a fresh kernel. */
  public static final RestoreReport NOTHING = new RestoreReport(List.of(), List.of(), List.of());

  /** Copies. */
  public RestoreReport {
    replayedDefinitions = List.copyOf(replayedDefinitions);
    restoredVariables = List.copyOf(restoredVariables);
    lostVariables = List.copyOf(lostVariables);
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
