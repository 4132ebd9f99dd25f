package dev.orca.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The Orca home directory (DESIGN.md §2.2) and the paths inside it.
 *
 * <p>Resolved from {@code --home}, then {@code ORCA_HOME}, then {@code ~/.orca}. {@link #create}
 * makes the layout on first use and fails with a clear message when the directory cannot be used.
 *
 * @param root the home directory, absolute and normalized
 */
public record OrcaHome(Path root) {

  /** Environment variable that names the home when {@code --home} is not given. */
  public static final String ENV = "ORCA_HOME";

  /** Validates and normalizes the root. */
  public OrcaHome {
    Objects.requireNonNull(root, "root");
    root = root.toAbsolutePath().normalize();
  }

  /**
   * Resolves the home from an explicit option, the environment, or the default.
   *
   * @param explicit the {@code --home} value, or {@code null}
   * @param env the process environment
   * @return the resolved (not yet created) home
   */
  public static OrcaHome resolve(Path explicit, Map<String, String> env) {
    if (explicit != null) {
      return new OrcaHome(explicit);
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new OrcaHome(Path.of(fromEnv));
    }
    return new OrcaHome(Path.of(System.getProperty("user.home"), ".orca"));
  }

  /**
   * Creates the directory layout if missing and checks that it is writable.
   *
   * @return this home
   * @throws ConfigurationException when the home cannot be created or written
   */
  public OrcaHome create() {
    try {
      for (Path dir :
          new Path[] {
            root, workspace(), functionsDir(), agentsDir(), testsDir(), sessionsDir(), cacheDir()
          }) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
          throw OrcaException.configuration(
              "Orca home is not usable: " + dir + " exists and is not a directory.");
        }
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot create the Orca home at "
              + root
              + " ("
              + e.getMessage()
              + "). Choose another with --home DIR or ORCA_HOME.",
          e);
    }
    if (!Files.isWritable(root) || !Files.isWritable(workspace())) {
      throw OrcaException.configuration(
          "The Orca home at " + root + " is not writable. Choose another with --home DIR.");
    }
    return this;
  }

  /** The only directory kernel code may read and write; the kernel's working directory. */
  public Path workspace() {
    return root.resolve("workspace");
  }

  /** {@code learned_skills/}. */
  public Path learnedSkills() {
    return root.resolve("learned_skills");
  }

  /** {@code learned_skills/functions/}. */
  public Path functionsDir() {
    return learnedSkills().resolve("functions");
  }

  /** {@code learned_skills/agents/}. */
  public Path agentsDir() {
    return learnedSkills().resolve("agents");
  }

  /** {@code learned_skills/tests/}. */
  public Path testsDir() {
    return learnedSkills().resolve("tests");
  }

  /** {@code learned_skills/sessions/}. */
  public Path sessionsDir() {
    return learnedSkills().resolve("sessions");
  }

  /** {@code history.db}. */
  public Path historyDb() {
    return root.resolve("history.db");
  }

  /** {@code config.toml} (optional). */
  public Path configFile() {
    return root.resolve("config.toml");
  }

  /** {@code cache/}: derived data that may be deleted at any time (embeddings, indexes). */
  public Path cacheDir() {
    return root.resolve("cache");
  }
}
