package dev.orca.skills;

import dev.orca.core.OrcaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Settings of self-evolution, from the {@code [skills]} table of {@code config.toml}.
 *
 * <pre>
 * [skills]
 * approval = "auto"        # auto | ask | never
 * max_rounds = 3           # generation rounds before giving up
 * min_coverage = 0.8       # line coverage the tests must reach
 * test_heap_mib = 512      # heap of the separate test JVM
 * test_timeout_seconds = 60
 * </pre>
 *
 * @param approval when a generated skill is deployed
 * @param maxRounds how many generate/test/review rounds at most (1..10)
 * @param minCoverage line coverage the tests must reach, in [0, 1]
 * @param testHeapMiB heap of the test JVM (the kernel's limit by default)
 * @param testTimeout how long one test run may take
 */
public record SkillsConfig(
    ApprovalPolicy approval,
    int maxRounds,
    double minCoverage,
    int testHeapMiB,
    Duration testTimeout) {

  /** Validates. */
  public SkillsConfig {
    Objects.requireNonNull(approval, "approval");
    if (maxRounds < 1 || maxRounds > 10) {
      throw OrcaException.configuration(
          "[skills] max_rounds must be between 1 and 10, not " + maxRounds + ".");
    }
    if (minCoverage < 0 || minCoverage > 1) {
      throw OrcaException.configuration(
          "[skills] min_coverage must be between 0 and 1 (e.g. 0.8), not " + minCoverage + ".");
    }
    if (testHeapMiB < 64) {
      throw OrcaException.configuration(
          "[skills] test_heap_mib must be at least 64, not " + testHeapMiB + ".");
    }
    Objects.requireNonNull(testTimeout, "testTimeout");
  }

  /** Defaults: auto approval, 3 rounds, 80% line coverage, 512 MiB, 60 s. */
  public static SkillsConfig defaults() {
    return new SkillsConfig(ApprovalPolicy.AUTO, 3, 0.8, 512, Duration.ofSeconds(60));
  }

  /** A copy with another approval policy. */
  public SkillsConfig withApproval(ApprovalPolicy policy) {
    return new SkillsConfig(policy, maxRounds, minCoverage, testHeapMiB, testTimeout);
  }

  /** A copy with another round limit. */
  public SkillsConfig withMaxRounds(int rounds) {
    return new SkillsConfig(approval, rounds, minCoverage, testHeapMiB, testTimeout);
  }

  /**
   * Reads the {@code [skills]} table of a config file; defaults when the file or table is absent.
   *
   * @param configFile {@code config.toml}
   * @return the settings
   * @throws dev.orca.core.ConfigurationException when the file cannot be parsed or a value is bad
   */
  public static SkillsConfig load(Path configFile) {
    if (!Files.isRegularFile(configFile)) {
      return defaults();
    }
    TomlParseResult toml;
    try {
      toml = Toml.parse(configFile);
    } catch (IOException e) {
      throw OrcaException.configuration("Cannot read " + configFile + ": " + e.getMessage());
    }
    if (toml.hasErrors()) {
      throw OrcaException.configuration(
          "config.toml is not valid TOML: " + toml.errors().get(0) + " (" + configFile + ").");
    }
    TomlTable t = toml.getTable("skills");
    SkillsConfig d = defaults();
    if (t == null) {
      return d;
    }
    try {
      return new SkillsConfig(
          t.contains("approval") ? ApprovalPolicy.parse(t.getString("approval")) : d.approval(),
          t.contains("max_rounds") ? Math.toIntExact(t.getLong("max_rounds")) : d.maxRounds(),
          t.contains("min_coverage") ? t.getDouble("min_coverage") : d.minCoverage(),
          t.contains("test_heap_mib")
              ? Math.toIntExact(t.getLong("test_heap_mib"))
              : d.testHeapMiB(),
          t.contains("test_timeout_seconds")
              ? Duration.ofSeconds(t.getLong("test_timeout_seconds"))
              : d.testTimeout());
    } catch (org.tomlj.TomlInvalidTypeException e) {
      throw OrcaException.configuration(
          "A value in [skills] of " + configFile + " has the wrong type: " + e.getMessage());
    }
  }
}
