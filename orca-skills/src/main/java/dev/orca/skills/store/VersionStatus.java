package dev.orca.skills.store;

/** Where one version of a skill stands. */
public enum VersionStatus {
  /** Generated and gated, waiting for a person's approval (or failed the gate). */
  PENDING,
  /** The version in use. */
  DEPLOYED,
  /** Was deployed, replaced by a later version or a rollback. */
  SUPERSEDED,
  /** A person rejected it. */
  REJECTED
}
