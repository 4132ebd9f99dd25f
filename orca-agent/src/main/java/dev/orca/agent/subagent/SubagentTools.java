package dev.orca.agent.subagent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.Optional;

/**
 * The registry tools a sub-agent may call (its allowlist names them). {@value #EXECUTE_CODE} is not
 * among them: the runner serves it with the agent's own kernel.
 */
public interface SubagentTools {

  /** The tool that runs Java in the sub-agent's own short-lived kernel. */
  String EXECUTE_CODE = "execute_code";

  /**
   * How the model sees a tool.
   *
   * @param name the tool's registry name
   * @return its specification, or empty when no such tool is registered
   */
  Optional<ToolSpecification> specification(String name);

  /**
   * Calls a tool.
   *
   * @param name the tool's registry name
   * @param args its arguments
   * @return its result as JSON
   * @throws dev.orca.core.OrcaException when the call fails (shown to the sub-agent as an error)
   */
  JsonNode call(String name, JsonNode args);

  /** No registry tools. */
  SubagentTools NONE =
      new SubagentTools() {
        @Override
        public Optional<ToolSpecification> specification(String name) {
          return Optional.empty();
        }

        @Override
        public JsonNode call(String name, JsonNode args) {
          throw dev.orca.core.OrcaException.invalid("No tool named " + name + " is available.");
        }
      };
}
