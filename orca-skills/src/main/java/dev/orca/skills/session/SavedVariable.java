package dev.orca.skills.session;

import java.util.List;
import java.util.Objects;

/**
 * A variable as the manifest records it.
 *
 * @param name the variable's name
 * @param type its declared Java type
 * @param how how its value is stored
 * @param file the file under {@code values/} holding it, or {@code null} when not stored ({@link
 *     VariableStorage#REPLAY}, {@link VariableStorage#NOT_RESTORABLE})
 * @param sha256 hash of the value's JSON as the kernel produced it (detects changes), or {@code
 *     null} when not stored
 * @param bytes size of the stored file in bytes
 * @param tableName the table's own name (tables only), else {@code null}
 * @param columns the table's columns in order (tables only), else empty
 * @param reason why its value is not stored, else {@code null}
 * @param source the declaration to replay ({@link VariableStorage#REPLAY} only), else {@code null};
 *     manifests written before replays existed have none
 */
public record SavedVariable(
    String name,
    String type,
    VariableStorage how,
    String file,
    String sha256,
    long bytes,
    String tableName,
    List<TableColumn> columns,
    String reason,
    String source) {

  /** Validates. */
  public SavedVariable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(how, "how");
    columns = columns == null ? List.of() : List.copyOf(columns);
    if (how == VariableStorage.REPLAY) {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(source, "source");
    } else if (how == VariableStorage.NOT_RESTORABLE) {
      Objects.requireNonNull(reason, "reason");
    } else {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /** A short description of how it is stored, for reports ({@code json}, {@code csv}, ...). */
  public String describeHow() {
    return switch (how) {
      case JSON -> "json";
      case TABLE_CSV -> "csv (" + columns.size() + " columns)";
      case REPLAY -> "recomputed by replay: " + firstLine(source);
      case NOT_RESTORABLE -> "not restorable: " + reason;
    };
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 80 ? line.substring(0, 79) + "…" : line;
  }
}
