package dev.orca.kernel;

import java.util.Objects;

/**
 * One kernel variable as {@code list_variables} shows it.
 *
 * @param name the variable's name
 * @param type its declared type as JShell names it
 * @param summary a one-line summary computed inside the kernel (bounded)
 */
public record VariableInfo(String name, String type, String summary) {
  /** Validates. */
  public VariableInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(summary, "summary");
  }
}
