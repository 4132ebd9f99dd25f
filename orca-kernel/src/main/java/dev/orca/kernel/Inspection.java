package dev.orca.kernel;

import java.util.Objects;

/**
 * A bounded description of one variable, as {@code inspect_variable} shows it: shape, columns and
 * head for tables; size, element types and a preview for collections; length and head for strings;
 * fields for records; type and bounded {@code toString} otherwise.
 *
 * @param name the variable's name
 * @param type its declared type
 * @param runtimeType the class of its current value, or {@code "null"}
 * @param summary the description, at most about 1K tokens
 */
public record Inspection(String name, String type, String runtimeType, String summary) {
  /** Validates. */
  public Inspection {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(runtimeType, "runtimeType");
    Objects.requireNonNull(summary, "summary");
  }
}
