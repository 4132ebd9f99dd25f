package dev.orca.agent;

import dev.orca.core.OrcaException;
import java.time.Duration;
import java.util.Objects;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Limits of one orchestrator: how many model turns and how much wall time a request may take, the
 * context budget, and how much of a tool result goes back to the model. {@code [agent]} in
 * config.toml overrides the defaults:
 *
 * <pre>
 * [agent]
 * max_steps = 40            # model turns per request
 * max_minutes = 15          # wall-clock limit per request
 * context_tokens = 8000     # compact older turns beyond this estimated request size
 * tool_result_chars = 4000  # cap on one tool result shown to the model
 * </pre>
 *
 * @param maxSteps the most model turns one request may take
 * @param maxDuration the wall-clock limit of one request
 * @param contextBudgetTokens the estimated request size beyond which older turns are compacted
 * @param toolResultChars cap on the text of one tool result given back to the model
 * @param cellTimeout default timeout of one {@code execute_code} cell
 */
public record AgentConfig(
    int maxSteps,
    Duration maxDuration,
    int contextBudgetTokens,
    int toolResultChars,
    Duration cellTimeout) {

  /** 40 steps, 15 minutes, 8,000-token context budget, 4,000-char tool results, 30 s cells. */
  public static final AgentConfig DEFAULTS =
      new AgentConfig(40, Duration.ofMinutes(15), 8_000, 4_000, Duration.ofSeconds(30));

  /** Validates. */
  public AgentConfig {
    if (maxSteps < 1) {
      throw OrcaException.configuration("max steps must be at least 1 (got " + maxSteps + ").");
    }
    Objects.requireNonNull(maxDuration, "maxDuration");
    if (maxDuration.isNegative() || maxDuration.isZero()) {
      throw OrcaException.configuration("the time limit must be positive.");
    }
    if (contextBudgetTokens < 1_000) {
      throw OrcaException.configuration(
          "context_tokens must be at least 1000 (got " + contextBudgetTokens + ").");
    }
    if (toolResultChars < 200) {
      throw OrcaException.configuration(
          "tool_result_chars must be at least 200 (got " + toolResultChars + ").");
    }
    Objects.requireNonNull(cellTimeout, "cellTimeout");
  }

  /** A copy with another step limit. */
  public AgentConfig withMaxSteps(int steps) {
    return new AgentConfig(steps, maxDuration, contextBudgetTokens, toolResultChars, cellTimeout);
  }

  /** A copy with another wall-clock limit. */
  public AgentConfig withMaxDuration(Duration d) {
    return new AgentConfig(maxSteps, d, contextBudgetTokens, toolResultChars, cellTimeout);
  }

  /** A copy with another context budget. */
  public AgentConfig withContextBudget(int tokens) {
    return new AgentConfig(maxSteps, maxDuration, tokens, toolResultChars, cellTimeout);
  }

  /** A copy with another tool-result cap. */
  public AgentConfig withToolResultChars(int chars) {
    return new AgentConfig(maxSteps, maxDuration, contextBudgetTokens, chars, cellTimeout);
  }

  /**
   * Reads {@code [agent]} from a parsed config.toml.
   *
   * @param toml the parsed file, or {@code null}
   * @return the configuration (defaults for what the file does not say)
   */
  public static AgentConfig from(TomlParseResult toml) {
    if (toml == null || !toml.isTable("agent")) {
      return DEFAULTS;
    }
    TomlTable t = toml.getTable("agent");
    return new AgentConfig(
        (int) number(t, "max_steps", DEFAULTS.maxSteps()),
        Duration.ofMinutes(number(t, "max_minutes", DEFAULTS.maxDuration().toMinutes())),
        (int) number(t, "context_tokens", DEFAULTS.contextBudgetTokens()),
        (int) number(t, "tool_result_chars", DEFAULTS.toolResultChars()),
        DEFAULTS.cellTimeout());
  }

  private static long number(TomlTable t, String key, long dflt) {
    if (!t.contains(key)) {
      return dflt;
    }
    if (!t.isLong(key)) {
      throw OrcaException.configuration("config.toml: [agent] " + key + " must be a number.");
    }
    return t.getLong(key);
  }
}
