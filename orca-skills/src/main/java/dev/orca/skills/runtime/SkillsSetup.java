package dev.orca.skills.runtime;

import dev.langchain4j.model.chat.ChatModel;
import dev.orca.agent.subagent.ModelResolver;
import dev.orca.agent.subagent.SubagentRegistry;
import dev.orca.agent.subagent.SubagentRunner;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.HistoryStore;
import dev.orca.skills.ApprovalPrompt;
import dev.orca.skills.SkillService;
import dev.orca.skills.SkillsConfig;
import dev.orca.skills.generate.Generators;

/**
 * Builds a {@link SkillService} the way the CLI and the eval harness need it: the built-in
 * generator sub-agents on one model (or none), the home's {@code [skills]} settings, the kernel's
 * policy and the machine's OS sandbox for the test JVM.
 */
public final class SkillsSetup {

  private SkillsSetup() {}

  /**
   * A service for a home.
   *
   * @param home the Orca home
   * @param model the model the generators run on, or {@code null} for model-free use (list, show,
   *     test, approve, reject, rollback; review without the reviewer)
   * @param modelLabel {@code provider:name} for file headers
   * @param history the history store, or {@code null}
   * @param prompt who answers {@code approval = "ask"}
   * @return the service
   */
  public static SkillService service(
      OrcaHome home,
      ChatModel model,
      String modelLabel,
      HistoryStore history,
      ApprovalPrompt prompt) {
    return service(home, model, modelLabel, history, prompt, SkillsConfig.load(home.configFile()));
  }

  /**
   * A service for a home with explicit settings.
   *
   * @param home the Orca home
   * @param model the generators' model, or {@code null}
   * @param modelLabel {@code provider:name} for file headers
   * @param history the history store, or {@code null}
   * @param prompt who answers {@code approval = "ask"}
   * @param config the settings
   * @return the service
   */
  public static SkillService service(
      OrcaHome home,
      ChatModel model,
      String modelLabel,
      HistoryStore history,
      ApprovalPrompt prompt,
      SkillsConfig config) {
    SkillService.Builder b =
        SkillService.builder(home).config(config).history(history).approvalPrompt(prompt);
    if (model != null) {
      SubagentRunner runner =
          SubagentRunner.builder()
              .registry(SubagentRegistry.withBuiltIns())
              .models(ModelResolver.always(model))
              .build();
      b.generators(new Generators(runner, modelLabel));
    }
    return b.build();
  }
}
