package dev.orca.agent.subagent;

import dev.langchain4j.model.chat.ChatModel;
import dev.orca.agent.provider.ModelConfig;
import dev.orca.agent.provider.ModelFactory;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.agent.provider.Provider;
import dev.orca.core.OrcaException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves sub-agents' model references with the orchestrator's {@link ModelFactory}: {@code
 * "default"} is the orchestrator's own model; {@code provider:name} on the orchestrator's provider
 * reuses its endpoint and key with another model name; another provider is configured like {@code
 * --model} (keys from the environment, {@code config.toml}). Models are built once and cached; they
 * are built without the factory's retry wrapper because the {@link SubagentRunner} retries each
 * request itself.
 */
public final class FactoryModelResolver implements ModelResolver {

  private final ModelFactory factory;
  private final ModelSettings defaults;
  private final Path configFile;
  private final Map<String, String> env;
  private final Map<String, ChatModel> cache = new ConcurrentHashMap<>();

  /**
   * Creates the resolver.
   *
   * @param factory builds models
   * @param defaults the orchestrator's model settings
   * @param configFile {@code HOME/config.toml} (may not exist)
   * @param env the process environment (for API keys)
   */
  public FactoryModelResolver(
      ModelFactory factory, ModelSettings defaults, Path configFile, Map<String, String> env) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.configFile = configFile;
    this.env = Map.copyOf(env);
  }

  @Override
  public ChatModel resolve(String modelRef) {
    String ref = modelRef == null ? SubagentSpec.DEFAULT_MODEL : modelRef.strip();
    return cache.computeIfAbsent(ref, r -> factory.rawChatModel(settings(r)));
  }

  private ModelSettings settings(String ref) {
    if (ref.equals(SubagentSpec.DEFAULT_MODEL) || ref.equals(defaults.label())) {
      return defaults;
    }
    int colon = ref.indexOf(':');
    Provider provider = Provider.parse(colon < 0 ? ref : ref.substring(0, colon));
    String name = colon < 0 ? provider.defaultModel() : ref.substring(colon + 1);
    if (provider == defaults.provider()) {
      return new ModelSettings(
          provider,
          name,
          defaults.baseUrl(),
          defaults.apiKey(),
          defaults.timeout(),
          defaults.maxOutputTokens(),
          defaults.retry());
    }
    return ModelConfig.resolve(ref, null, configFile, env)
        .orElseThrow(
            () ->
                OrcaException.configuration(
                    "The sub-agent model "
                        + ref
                        + " cannot be configured. "
                        + ModelConfig.HOW_TO_CONFIGURE));
  }
}
