package dev.orca.agent.subagent;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One sub-agent: a specialist that runs in a fresh context holding only its system prompt and the
 * data it is handed.
 *
 * @param name unique name, {@code [a-z][a-z0-9_]{1,63}} (how kernel code and search find it)
 * @param purpose one or two sentences saying what it is for (indexed for {@code search_tools})
 * @param systemPrompt the whole system prompt the agent runs with
 * @param model {@code "default"} (the orchestrator's model) or {@code provider:name}, e.g. a
 *     cheaper model for summaries
 * @param tools tool allowlist: the only tools the agent may call; {@code execute_code} runs code in
 *     the agent's own short-lived kernel, never the orchestrator's
 * @param tokenBudget the most tokens one model call of this agent may use: the request (system
 *     prompt, data, tool definitions) plus {@code maxOutputTokens}; checked before sending
 * @param maxOutputTokens the most tokens the agent may answer with in one call
 * @param outputFormat text or JSON with a schema
 * @param chunking what to do with data too big for one call
 * @param source where the agent comes from: {@code "built-in"} or the learned agent's directory
 */
public record SubagentSpec(
    String name,
    String purpose,
    String systemPrompt,
    String model,
    List<String> tools,
    int tokenBudget,
    int maxOutputTokens,
    OutputFormat outputFormat,
    Chunking chunking,
    String source) {

  /** The model reference that means "the orchestrator's model". */
  public static final String DEFAULT_MODEL = "default";

  /** Source of the agents that ship with Orca. */
  public static final String BUILT_IN = "built-in";

  /** Smallest budget accepted: below it no useful prompt plus data fits. */
  public static final int MIN_BUDGET = 256;

  /** Largest budget accepted: sub-agent contexts stay small (the seed's goal is under 10K). */
  public static final int MAX_BUDGET = 200_000;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,63}");
  private static final Pattern MODEL = Pattern.compile("default|[a-z][a-z0-9_-]*:\\S+");

  /** Validates and copies. */
  public SubagentSpec {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "sub-agent name '"
              + name
              + "' is invalid: use 2-64 characters of lower-case letters, digits and '_',"
              + " starting with a letter (e.g. sentiment_analyzer)");
    }
    requireText(purpose, "purpose", name);
    requireText(systemPrompt, "system prompt", name);
    model = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
    if (!MODEL.matcher(model).matches()) {
      throw new IllegalArgumentException(
          "sub-agent '"
              + name
              + "': model '"
              + model
              + "' is invalid: use \"default\" or provider:name, e.g. anthropic:claude-3-5-haiku-latest");
    }
    tools = List.copyOf(tools == null ? List.of() : tools);
    if (tokenBudget < MIN_BUDGET || tokenBudget > MAX_BUDGET) {
      throw new IllegalArgumentException(
          "sub-agent '"
              + name
              + "': token budget "
              + tokenBudget
              + " is out of range ["
              + MIN_BUDGET
              + ", "
              + MAX_BUDGET
              + "]");
    }
    if (maxOutputTokens < 16 || maxOutputTokens >= tokenBudget) {
      throw new IllegalArgumentException(
          "sub-agent '"
              + name
              + "': max output tokens "
              + maxOutputTokens
              + " must be at least 16 and below the token budget "
              + tokenBudget);
    }
    Objects.requireNonNull(outputFormat, "outputFormat");
    Objects.requireNonNull(chunking, "chunking");
    source = source == null || source.isBlank() ? BUILT_IN : source;
  }

  private static void requireText(String value, String what, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("sub-agent '" + name + "' has no " + what);
    }
  }

  /** Whether this agent may run code, and so needs its own short-lived kernel. */
  public boolean runsCode() {
    return tools.contains(SubagentTools.EXECUTE_CODE);
  }

  /** A copy that runs on another model. */
  public SubagentSpec withModel(String newModel) {
    return new SubagentSpec(
        name,
        purpose,
        systemPrompt,
        newModel,
        tools,
        tokenBudget,
        maxOutputTokens,
        outputFormat,
        chunking,
        source);
  }

  /** A copy with another budget and output limit. */
  public SubagentSpec withBudget(int newTokenBudget, int newMaxOutputTokens) {
    return new SubagentSpec(
        name,
        purpose,
        systemPrompt,
        model,
        tools,
        newTokenBudget,
        newMaxOutputTokens,
        outputFormat,
        chunking,
        source);
  }

  /** A copy with another source. */
  public SubagentSpec withSource(String newSource) {
    return new SubagentSpec(
        name,
        purpose,
        systemPrompt,
        model,
        tools,
        tokenBudget,
        maxOutputTokens,
        outputFormat,
        chunking,
        newSource);
  }
}
