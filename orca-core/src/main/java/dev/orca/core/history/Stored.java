package dev.orca.core.history;

import java.util.Objects;

/**
 * A record read back from {@code history.db} with its row id.
 *
 * @param id the row id (increasing with insertion order)
 * @param value the record
 * @param <T> the record type
 */
public record Stored<T>(long id, T value) {
  /** Validates. */
  public Stored {
    Objects.requireNonNull(value, "value");
  }
}
