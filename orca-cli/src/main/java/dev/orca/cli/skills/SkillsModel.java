package dev.orca.cli.skills;

import dev.langchain4j.model.chat.ChatModel;
import dev.orca.agent.provider.ModelConfig;
import dev.orca.agent.provider.ModelFactory;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.core.OrcaHome;
import java.util.Optional;

/** The model the skill generators run on: {@code --model}, {@code ORCA_MODEL} or config.toml. */
final class SkillsModel {

  private SkillsModel() {}

  /**
   * Resolves and builds the model, if one is configured.
   *
   * @param home the Orca home
   * @param model {@code --model}, or {@code null}
   * @param baseUrl {@code --base-url}, or {@code null}
   * @return the model and its label, or empty
   */
  static Optional<Resolved> resolve(OrcaHome home, String model, String baseUrl) {
    Optional<ModelSettings> s =
        ModelConfig.resolve(model, baseUrl, home.configFile(), System.getenv());
    return s.map(
        settings -> new Resolved(new ModelFactory().chatModel(settings), settings.label()));
  }

  /**
   * A model and its {@code provider:name} label.
   *
   * @param model the chat model
   * @param label its label (never a key)
   */
  record Resolved(ChatModel model, String label) {}
}
