package dev.orca.skills.session;

/** How a saved variable's value is stored in a session directory. */
public enum VariableStorage {
  /** {@code values/<file>.json}: the value as JSON. */
  JSON,
  /** {@code values/<file>.csv}: a Tablesaw table's rows; its column types are in the manifest. */
  TABLE_CSV,
  /**
   * Not stored: the value is not plain data, but its declaration is pure (no effects, nothing
   * random or time-dependent, not assigned since), so loading recomputes it by running that
   * declaration again; the manifest keeps the declaration's source and why the value is not data.
   */
  REPLAY,
  /** Not stored: the value is not plain data; the manifest says why. */
  NOT_RESTORABLE
}
