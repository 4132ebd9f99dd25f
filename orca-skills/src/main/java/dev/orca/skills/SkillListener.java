package dev.orca.skills;

import dev.orca.skills.store.SkillName;
import java.nio.file.Path;

/**
 * Told when skills are deployed or withdrawn, so kernels load them and search finds them at once.
 */
public interface SkillListener {

  /**
   * A function version was deployed (generated, approved, re-gated or rolled back).
   *
   * @param function the function
   */
  void functionDeployed(DeployedFunction function);

  /**
   * A function is no longer usable (its edited file fails the gate).
   *
   * @param name the function
   * @param why the reason
   */
  default void functionWithdrawn(SkillName name, String why) {}

  /**
   * An agent was deployed to {@code learned_skills/agents/<name>/}.
   *
   * @param name the agent's name
   * @param dir its directory
   */
  default void agentDeployed(String name, Path dir) {}
}
