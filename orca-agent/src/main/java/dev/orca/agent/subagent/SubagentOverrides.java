package dev.orca.agent.subagent;

import dev.orca.core.OrcaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Per-agent settings from {@code HOME/config.toml}, e.g. a cheaper model for summaries:
 *
 * <pre>
 * [subagents.summarizer]
 * model = "anthropic:claude-3-5-haiku-latest"   # or "default"
 * token_budget = 6000
 * max_output_tokens = 800
 * </pre>
 *
 * Applies to built-in and learned agents alike; the agent keeps its prompt, tools and format.
 */
public final class SubagentOverrides {

  /** The config table that holds the per-agent tables. */
  public static final String TABLE = "subagents";

  private SubagentOverrides() {}

  /**
   * Applies the {@code [subagents.<name>]} tables of a config file to the registry.
   *
   * @param registry the agents
   * @param configFile {@code HOME/config.toml}; a missing file changes nothing
   * @return the names of the agents that were changed
   * @throws dev.orca.core.ConfigurationException when the file is invalid, names an unknown agent
   *     or gives an invalid value; the message names the key
   */
  public static List<String> apply(SubagentRegistry registry, Path configFile) {
    if (configFile == null || !Files.isRegularFile(configFile)) {
      return List.of();
    }
    TomlParseResult toml;
    try {
      toml = Toml.parse(configFile);
    } catch (IOException e) {
      throw OrcaException.configuration("Cannot read " + configFile + ": " + e.getMessage());
    }
    if (toml.hasErrors()) {
      throw OrcaException.configuration(configFile + " is not valid TOML: " + toml.errors().get(0));
    }
    TomlTable agents = toml.getTable(TABLE);
    if (agents == null) {
      return List.of();
    }
    List<String> changed = new ArrayList<>();
    for (String name : agents.keySet()) {
      String where = configFile + " [" + TABLE + "." + name + "]";
      TomlTable settings = agents.getTable(name);
      SubagentSpec spec =
          registry
              .find(name)
              .orElseThrow(
                  () ->
                      OrcaException.configuration(
                          where + " names no known sub-agent; known: " + registry.names()));
      if (settings == null) {
        throw OrcaException.configuration(where + " must be a table of settings.");
      }
      try {
        SubagentSpec updated = spec;
        if (settings.contains("model")) {
          updated = updated.withModel(settings.getString("model"));
        }
        if (settings.contains("token_budget") || settings.contains("max_output_tokens")) {
          updated =
              updated.withBudget(
                  (int) settings.getLong("token_budget", () -> (long) spec.tokenBudget()),
                  (int) settings.getLong("max_output_tokens", () -> (long) spec.maxOutputTokens()));
        }
        registry.register(updated);
        changed.add(name);
      } catch (IllegalArgumentException | org.tomlj.TomlInvalidTypeException e) {
        throw OrcaException.configuration(where + ": " + e.getMessage());
      }
    }
    return changed;
  }
}
