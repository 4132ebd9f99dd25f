package dev.orca.skills;

import dev.orca.core.OrcaException;
import java.util.Locale;

/** When a generated skill is deployed ({@code [skills] approval} in config.toml). */
public enum ApprovalPolicy {
  /** Deployed when it passes the gate; one that fails waits for a person's approval. */
  AUTO,
  /** Always waits for a person: the CLI asks, or {@code orca skills approve NAME}. */
  ASK,
  /** Generated and kept, never deployed automatically; only {@code orca skills approve} deploys. */
  NEVER;

  /**
   * Parses the config value.
   *
   * @param text {@code auto}, {@code ask} or {@code never}
   * @return the policy
   * @throws dev.orca.core.ConfigurationException for any other value
   */
  public static ApprovalPolicy parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw OrcaException.configuration(
          "[skills] approval must be \"auto\", \"ask\" or \"never\", not \"" + text + "\".");
    }
  }
}
