package dev.orca.core.history.internal;

import java.util.List;
import java.util.Objects;

/**
 * One step of the history schema: the SQL that takes the database from {@code version - 1} to
 * {@code version}.
 *
 * @param version the version this step produces (1, 2, …, without gaps)
 * @param description what the step adds, stored in {@code schema_version}
 * @param statements the SQL statements, run in order in one transaction
 */
public record Migration(int version, String description, List<String> statements) {
  /** Validates. */
  public Migration {
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
    Objects.requireNonNull(description, "description");
    statements = List.copyOf(statements);
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("a migration needs at least one statement");
    }
  }
}
