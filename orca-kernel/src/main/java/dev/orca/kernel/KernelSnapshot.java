package dev.orca.kernel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The kernel's state as data: the ordered definitions (imports, methods, types) to replay, and each
 * variable's value as JSON (or, for a value that is not data, its pure declaration to replay).
 * Never Java serialization; nothing here is deserialized on the host, it is only stored and handed
 * back to a kernel.
 *
 * @param definitions the definitions to replay, in the order they were made
 * @param variables the variables, in declaration order
 * @param takenAt when the snapshot was taken
 */
public record KernelSnapshot(
    List<Definition> definitions, List<VariableValue> variables, Instant takenAt) {

  /** Copies and validates. */
  public KernelSnapshot {
    definitions = List.copyOf(definitions);
    variables = List.copyOf(variables);
    Objects.requireNonNull(takenAt, "takenAt");
  }

  /**
   * One replayable definition.
   *
   * @param kind {@code import}, {@code method} or {@code type}
   * @param name the defined name (for imports, the imported name)
   * @param source the snippet's source, exactly as it was run
   */
  public record Definition(String kind, String name, String source) {
    /** Validates. */
    public Definition {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * One variable's value as data, or why there is none and, when its declaration is pure, that
   * declaration to recompute it by replay.
   *
   * @param name the variable's name
   * @param type its declared type as JShell names it
   * @param json its value as JSON (tables: an object with column types and CSV), or {@code null}
   *     when it could not be captured
   * @param notRestorableReason why {@code json} is {@code null}, else {@code null}
   * @param replaySource when {@code json} is {@code null}: the variable's declaration, to run again
   *     on restore because it is pure (no effects, nothing random or time-dependent, not assigned
   *     since; the kernel decides), else {@code null}
   */
  public record VariableValue(
      String name, String type, String json, String notRestorableReason, String replaySource) {
    /** Validates. */
    public VariableValue {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      if ((json == null) == (notRestorableReason == null)) {
        throw new IllegalArgumentException("exactly one of json and notRestorableReason is set");
      }
      if (json != null && replaySource != null) {
        throw new IllegalArgumentException("a variable with a value has no replay source");
      }
    }

    /** A value, or a reason without a declaration to replay. */
    public VariableValue(String name, String type, String json, String notRestorableReason) {
      this(name, type, json, notRestorableReason, null);
    }

    /** Whether the value was captured and can be restored. */
    public boolean restorable() {
      return json != null;
    }

    /** Whether the value is not data but can be recomputed by replaying its declaration. */
    public boolean recomputable() {
      return json == null && replaySource != null;
    }
  }
}
