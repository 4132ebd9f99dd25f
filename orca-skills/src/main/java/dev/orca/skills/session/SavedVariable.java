package dev.orca.skills.session;

import java.util.List;
import java.util.Objects;

/**
 * A variable as the manifest records it.
 *
 * @param name the variable's name
 * @param type its declared Java type
 * @param how how its value is stored
 * @param file the file under {@code values/} holding it, or {@code null} when not restorable
 * @param sha256 hash of the value's JSON as the kernel produced it (detects changes), or {@code
 *     null} when not restorable
 * @param bytes size of the stored file in bytes
 * @param tableName the table's own name (tables only), else {@code null}
 * @param columns the table's columns in order (tables only), else empty
 * @param reason why it is not restorable, else {@code null}
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
    String reason) {

  /** Validates. */
  public SavedVariable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(how, "how");
    columns = columns == null ? List.of() : List.copyOf(columns);
    if (how == VariableStorage.NOT_RESTORABLE) {
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
      case NOT_RESTORABLE -> "not restorable: " + reason;
    };
  }
}
