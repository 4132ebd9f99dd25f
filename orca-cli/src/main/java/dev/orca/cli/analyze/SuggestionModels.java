package dev.orca.cli.analyze;

import dev.langchain4j.model.chat.ChatModel;
import dev.orca.agent.provider.ModelConfig;
import dev.orca.agent.provider.ModelFactory;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.core.OrcaHome;
import java.util.Optional;

/**
 * Where {@code orca analyze --generate} gets the model its generator sub-agents run on: {@code
 * --model}, {@code ORCA_MODEL} or {@code [model]} in config.toml (as {@code orca skills} does).
 * Tests supply a scripted one.
 */
@FunctionalInterface
interface SuggestionModels {

  /**
   * Resolves and builds the model, if one is configured.
   *
   * @param home the Orca home
   * @param model {@code --model}, or {@code null}
   * @param baseUrl {@code --base-url}, or {@code null}
   * @return the model and its label, or empty when none is configured
   * @throws dev.orca.core.ConfigurationException when the configuration is wrong
   */
  Optional<Resolved> resolve(OrcaHome home, String model, String baseUrl);

  /** The configured model, built with Orca's retries. */
  SuggestionModels CONFIGURED =
      (home, model, baseUrl) -> {
        Optional<ModelSettings> s =
            ModelConfig.resolve(model, baseUrl, home.configFile(), System.getenv());
        return s.map(
            settings -> new Resolved(new ModelFactory().chatModel(settings), settings.label()));
      };

  /**
   * A model and its {@code provider:name} label.
   *
   * @param model the chat model
   * @param label its label (never a key)
   */
  record Resolved(ChatModel model, String label) {}
}
