package dev.orca.core.history;

import java.util.Locale;

/** What happened to a learned skill (a function or a sub-agent). */
public enum SkillEventType {
  /** A generator wrote a version (one event per generation round). */
  GENERATED,
  /** Its tests ran (details: passed, failed, coverage). */
  TESTED,
  /** It was reviewed (details: issues by severity). */
  REVIEWED,
  /** A person or the gate approved it. */
  APPROVED,
  /** A person or the gate rejected it. */
  REJECTED,
  /** It was deployed: loaded into kernels and registered for search. */
  DEPLOYED,
  /** An earlier version was restored. */
  ROLLED_BACK,
  /** Kernel code called it; {@code tokensSaved} estimates what it saved. */
  USED;

  /** The stored form: the lower-case name. */
  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a stored value.
   *
   * @param value a value written by {@link #dbValue()}
   * @return the event type
   * @throws IllegalArgumentException for an unknown value
   */
  public static SkillEventType fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
