package dev.orca.skills.session;

import java.util.Objects;

/**
 * One column of a saved table.
 *
 * @param name the column's name
 * @param type its Tablesaw column type, e.g. {@code INTEGER}, {@code STRING}, {@code LOCAL_DATE}
 */
public record TableColumn(String name, String type) {
  /** Validates. */
  public TableColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
