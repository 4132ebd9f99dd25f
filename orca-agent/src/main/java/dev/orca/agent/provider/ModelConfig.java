package dev.orca.agent.provider;

import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Resolves which model to use: {@code --model provider:name} and {@code --base-url} first, then
 * {@code ORCA_MODEL}, then the {@code [model]} table of {@code HOME/config.toml}:
 *
 * <pre>
 * [model]
 * provider = "anthropic"          # anthropic | openai | ollama | gemini
 * name = "claude-sonnet-4-5"
 * base_url = "http://localhost:8080/v1"   # optional: a proxy or an OpenAI-compatible server
 * api_key_env = "MY_KEY"          # optional: the variable holding the key (never the key itself)
 * max_output_tokens = 4096
 * timeout_seconds = 120
 * max_attempts = 5
 * </pre>
 *
 * Keys come only from the environment ({@code ANTHROPIC_API_KEY}, {@code OPENAI_API_KEY}, {@code
 * GEMINI_API_KEY} or {@code GOOGLE_API_KEY}).
 */
public final class ModelConfig {

  /** Environment variable that may name the model like {@code --model}. */
  public static final String ENV_MODEL = "ORCA_MODEL";

  /** How to configure a model, for error messages and the CLI. */
  public static final String HOW_TO_CONFIGURE =
      "Configure a model with --model PROVIDER:NAME (e.g. --model anthropic:claude-sonnet-4-5,"
          + " --model openai:gpt-4.1, --model ollama:qwen2.5-coder, --model"
          + " gemini:gemini-2.5-flash), or ORCA_MODEL, or a [model] table in HOME/config.toml"
          + " (provider = \"anthropic\", name = \"...\"); put the key in ANTHROPIC_API_KEY,"
          + " OPENAI_API_KEY or GEMINI_API_KEY. An OpenAI-compatible local server: --model"
          + " openai:NAME --base-url http://localhost:8080/v1.";

  private ModelConfig() {}

  /**
   * Resolves the model settings.
   *
   * @param modelOption {@code --model} value, or {@code null}
   * @param baseUrlOption {@code --base-url} value, or {@code null}
   * @param configFile {@code HOME/config.toml} (may not exist)
   * @param env the process environment
   * @return the settings, or empty when no model is configured anywhere
   * @throws ConfigurationException when the configuration is wrong or the key is missing
   */
  public static Optional<ModelSettings> resolve(
      String modelOption, String baseUrlOption, Path configFile, Map<String, String> env) {
    TomlTable table = modelTable(configFile);
    String spec = blankToNull(modelOption);
    if (spec == null) {
      spec = blankToNull(env.get(ENV_MODEL));
    }
    Provider provider;
    String name;
    String baseUrl = blankToNull(baseUrlOption);
    boolean fromFile = false;
    if (spec != null) {
      int colon = spec.indexOf(':');
      provider = Provider.parse(colon < 0 ? spec : spec.substring(0, colon));
      name = colon < 0 ? provider.defaultModel() : spec.substring(colon + 1).trim();
      if (name.isEmpty()) {
        throw OrcaException.configuration(
            "--model '" + spec + "' names no model after the colon. " + HOW_TO_CONFIGURE);
      }
    } else if (table != null && table.getString("provider") != null) {
      provider = Provider.parse(table.getString("provider"));
      String n = blankToNull(table.getString("name"));
      name = n == null ? provider.defaultModel() : n;
      fromFile = true;
    } else {
      return Optional.empty();
    }
    boolean sameAsFile =
        table != null
            && table.getString("provider") != null
            && Provider.parse(table.getString("provider")) == provider;
    if (baseUrl == null && (fromFile || sameAsFile) && table != null) {
      baseUrl = blankToNull(table.getString("base_url"));
    }
    if (baseUrl != null && !baseUrl.matches("(?i)https?://.+")) {
      throw OrcaException.configuration(
          "--base-url '" + baseUrl + "' is not an http(s) URL, e.g. http://localhost:8080/v1.");
    }
    String key = null;
    String keyVar =
        table == null || !sameAsFile ? null : blankToNull(table.getString("api_key_env"));
    if (keyVar != null) {
      key = blankToNull(env.get(keyVar));
      if (key == null) {
        throw OrcaException.configuration(
            "config.toml says the "
                + provider.id()
                + " key is in "
                + keyVar
                + ", but that environment variable is not set.");
      }
    }
    for (String var : provider.keyVariables()) {
      if (key == null) {
        key = blankToNull(env.get(var));
      }
    }
    if (key == null && provider.needsKey() && baseUrl == null) {
      throw OrcaException.configuration(
          "The "
              + provider.id()
              + " provider needs an API key: set "
              + String.join(" or ", provider.keyVariables())
              + " in the environment (keys are never read from files or flags).");
    }
    long maxTokens = sameAsFile ? longOr(table, "max_output_tokens", 0) : 0;
    long timeoutS = sameAsFile ? longOr(table, "timeout_seconds", 0) : 0;
    long attempts = sameAsFile ? longOr(table, "max_attempts", 0) : 0;
    RetryPolicy retry = RetryPolicy.DEFAULT;
    if (attempts > 0) {
      retry =
          new RetryPolicy(
              (int) attempts,
              retry.initialDelay(),
              retry.maxDelay(),
              retry.jitter(),
              retry.maxRetryAfter());
    }
    return Optional.of(
        new ModelSettings(
            provider,
            name,
            baseUrl,
            key,
            timeoutS > 0 ? Duration.ofSeconds(timeoutS) : ModelSettings.DEFAULT_TIMEOUT,
            maxTokens > 0 ? (int) maxTokens : ModelSettings.DEFAULT_MAX_OUTPUT_TOKENS,
            retry));
  }

  /**
   * Reads and parses config.toml.
   *
   * @param configFile the file (may not exist)
   * @return the parsed file, or {@code null} when it does not exist
   * @throws ConfigurationException when it cannot be read or parsed
   */
  public static TomlParseResult read(Path configFile) {
    if (configFile == null || !Files.isRegularFile(configFile)) {
      return null;
    }
    TomlParseResult toml;
    try {
      toml = Toml.parse(configFile);
    } catch (IOException e) {
      throw new ConfigurationException("Cannot read " + configFile + ": " + e.getMessage(), e);
    }
    if (toml.hasErrors()) {
      throw OrcaException.configuration(
          configFile + " is not valid TOML: " + toml.errors().get(0).toString());
    }
    return toml;
  }

  private static TomlTable modelTable(Path configFile) {
    TomlParseResult toml = read(configFile);
    if (toml == null) {
      return null;
    }
    if (toml.contains("model") && !toml.isTable("model")) {
      throw OrcaException.configuration(
          configFile + ": 'model' must be a table ([model] provider = \"...\", name = \"...\").");
    }
    TomlTable t = toml.getTable("model");
    if (t != null) {
      for (String k : new String[] {"provider", "name", "base_url", "api_key_env"}) {
        if (t.contains(k) && !t.isString(k)) {
          throw OrcaException.configuration(
              configFile + ": [model] " + k + " must be a string (in quotes).");
        }
      }
      if (t.contains("api_key") || t.contains("key")) {
        throw OrcaException.configuration(
            configFile
                + ": [model] must not hold an API key. Put the key in an environment variable"
                + " (e.g. ANTHROPIC_API_KEY) or name the variable with api_key_env.");
      }
    }
    return t;
  }

  private static long longOr(TomlTable t, String key, long dflt) {
    if (t == null || !t.contains(key)) {
      return dflt;
    }
    if (!t.isLong(key)) {
      throw OrcaException.configuration("config.toml: [model] " + key + " must be a number.");
    }
    return t.getLong(key);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
