package dev.orca.kernel;

import java.util.Objects;

/**
 * A compiler diagnostic, positioned in the cell's own coordinates.
 *
 * @param line 1-based line within the cell
 * @param column 1-based column within that line
 * @param message the compiler's message
 * @param code the compiler's diagnostic code (e.g. {@code compiler.err.cant.resolve}), or empty
 */
public record Diagnostic(int line, int column, String message, String code) {
  /** Validates. */
  public Diagnostic {
    Objects.requireNonNull(message, "message");
    code = code == null ? "" : code;
  }
}
