package dev.orca.skills.generate;

import dev.orca.agent.subagent.SubagentResult;
import dev.orca.agent.subagent.SubagentRunner;
import java.util.Objects;

/**
 * The generator sub-agents ({@code code_generator}, {@code test_generator}, {@code code_reviewer},
 * {@code agent_generator}) as self-evolution uses them: one request in, one answer and its token
 * cost out. Backed by the {@link SubagentRunner}, so every call runs in a fresh context and is
 * accounted in {@code history.db}.
 */
public final class Generators {

  /**
   * One answer.
   *
   * @param text the answer as text (compact JSON for JSON agents)
   * @param tokens input plus output tokens it cost
   */
  public record Reply(String text, long tokens) {
    /** Validates. */
    public Reply {
      Objects.requireNonNull(text, "text");
    }
  }

  private final SubagentRunner runner;
  private final String modelLabel;

  /**
   * Creates the generators.
   *
   * @param runner runs sub-agents
   * @param modelLabel the model the generators run on, for file headers (e.g. {@code
   *     openai:gpt-4o-mini}); never a key
   */
  public Generators(SubagentRunner runner, String modelLabel) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.modelLabel = modelLabel == null || modelLabel.isBlank() ? "default" : modelLabel;
  }

  /**
   * Asks one generator.
   *
   * @param agent the sub-agent's name
   * @param request the request text
   * @return its answer
   * @throws dev.orca.core.OrcaException when the sub-agent fails (unavailable model, budget)
   */
  public Reply ask(String agent, String request) {
    SubagentResult r = runner.call(agent, null, request);
    return new Reply(r.text(), r.tokens());
  }

  /** The sub-agent runner (its registry holds learned agents too). */
  public SubagentRunner runner() {
    return runner;
  }

  /** How a generator is named in headers: {@code code_generator (openai:gpt-4o-mini)}. */
  public String label(String agent) {
    String model = runner.registry().find(agent).map(s -> s.model()).orElse("default");
    return agent + " (" + ("default".equals(model) ? modelLabel : model) + ")";
  }
}
