package dev.orca.skills.session;

import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * The {@code [sessions]} table of {@code config.toml}.
 *
 * <pre>
 * [sessions]
 * keep = 20          # how many automatically named sessions to keep (oldest deleted first)
 * checkpoint = true  # checkpoint the session after every successful cell
 * </pre>
 *
 * @param keep how many sessions retention keeps, at least 1 (the CLI counts and deletes only the
 *     sessions it named itself: a session a person named is kept until it is deleted)
 * @param checkpoint whether the runtime checkpoints after every successful cell
 */
public record SessionsConfig(int keep, boolean checkpoint) {

  /** Keep 20 sessions and checkpoint every cell. */
  public static final SessionsConfig DEFAULT = new SessionsConfig(20, true);

  /** Validates. */
  public SessionsConfig {
    if (keep < 1) {
      throw OrcaException.configuration(
          "[sessions] keep must be at least 1, was " + keep + " (in config.toml).");
    }
  }

  /** Reads the home's {@code config.toml}; the defaults when the file or table is missing. */
  public static SessionsConfig read(OrcaHome home) {
    return read(home.configFile());
  }

  /**
   * Reads a config file.
   *
   * @param file the TOML file
   * @return the settings
   * @throws OrcaException when the file is not valid TOML or a value has the wrong type
   */
  public static SessionsConfig read(Path file) {
    if (!Files.exists(file)) {
      return DEFAULT;
    }
    TomlParseResult toml;
    try {
      toml = Toml.parse(file);
    } catch (IOException e) {
      throw OrcaException.configuration("Cannot read " + file + ": " + e.getMessage());
    }
    if (toml.hasErrors()) {
      throw OrcaException.configuration(
          "config.toml is not valid TOML: " + toml.errors().get(0).toString());
    }
    try {
      Long keep = toml.getLong("sessions.keep");
      Boolean checkpoint = toml.getBoolean("sessions.checkpoint");
      return new SessionsConfig(
          keep == null ? DEFAULT.keep() : Math.toIntExact(keep),
          checkpoint == null ? DEFAULT.checkpoint() : checkpoint);
    } catch (RuntimeException e) {
      if (e instanceof OrcaException oe) {
        throw oe;
      }
      throw OrcaException.configuration(
          "[sessions] in "
              + file
              + " has a value of the wrong type: "
              + e.getMessage()
              + " (keep is an integer, checkpoint true or false).");
    }
  }
}
