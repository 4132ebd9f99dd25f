package dev.orca.agent.provider;

import dev.orca.core.OrcaException;
import java.util.List;
import java.util.Locale;

/** The model providers Orca can talk to (DESIGN.md §2.3), with their conventions. */
public enum Provider {
  /** Anthropic's Messages API. */
  ANTHROPIC("anthropic", List.of("ANTHROPIC_API_KEY"), "claude-sonnet-4-5", true),
  /** OpenAI's Chat Completions API, and any OpenAI-compatible server via {@code --base-url}. */
  OPENAI("openai", List.of("OPENAI_API_KEY"), "gpt-4.1", true),
  /** A local Ollama server (no key). */
  OLLAMA("ollama", List.of(), "qwen2.5-coder", false),
  /** Google's Gemini API. */
  GEMINI("gemini", List.of("GEMINI_API_KEY", "GOOGLE_API_KEY"), "gemini-2.5-flash", true);

  private final String id;
  private final List<String> keyVariables;
  private final String defaultModel;
  private final boolean needsKey;

  Provider(String id, List<String> keyVariables, String defaultModel, boolean needsKey) {
    this.id = id;
    this.keyVariables = keyVariables;
    this.defaultModel = defaultModel;
    this.needsKey = needsKey;
  }

  /** The name used in {@code --model provider:name} and config.toml. */
  public String id() {
    return id;
  }

  /** Environment variables holding the API key, in the order they are tried. */
  public List<String> keyVariables() {
    return keyVariables;
  }

  /** The model used when only the provider is given. */
  public String defaultModel() {
    return defaultModel;
  }

  /**
   * Whether the provider's official endpoint needs an API key (an OpenAI-compatible local server
   * reached through {@code --base-url} may not).
   */
  public boolean needsKey() {
    return needsKey;
  }

  /**
   * Parses a provider name.
   *
   * @param name e.g. {@code anthropic}; case-insensitive
   * @return the provider
   * @throws dev.orca.core.ConfigurationException when the name is unknown
   */
  public static Provider parse(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (Provider p : values()) {
      if (p.id.equals(wanted)) {
        return p;
      }
    }
    if (wanted.equals("google")) {
      return GEMINI;
    }
    throw OrcaException.configuration(
        "Unknown model provider '"
            + name
            + "'. Use one of anthropic, openai, ollama, gemini, e.g. --model"
            + " anthropic:claude-sonnet-4-5 (an OpenAI-compatible server: --model openai:NAME"
            + " --base-url URL).");
  }
}
