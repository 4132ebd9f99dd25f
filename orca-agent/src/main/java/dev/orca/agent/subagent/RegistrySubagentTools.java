package dev.orca.agent.subagent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.orca.agent.JsonSchemas;
import dev.orca.tools.RegisteredTool;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * The tools of the {@link ToolRegistry} as a sub-agent's allowlist sees them: host and MCP tools
 * (kind {@code tool}), which run on the host. Learned functions run code, so an agent reaches them
 * only through {@code execute_code} in its own short-lived kernel (started with the learned
 * functions on its classpath), never through the orchestrator's kernel. Meta-tools and other agents
 * are not callable by sub-agents (no nesting).
 */
public final class RegistrySubagentTools implements SubagentTools {

  private final ToolRegistry registry;

  /**
   * Creates the adapter.
   *
   * @param registry the tool registry
   */
  public RegistrySubagentTools(ToolRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public Optional<ToolSpecification> specification(String name) {
    return find(name)
        .map(tool -> JsonSchemas.tool(name, tool.spec().description(), tool.spec().parameters()));
  }

  @Override
  public JsonNode call(String name, JsonNode args) {
    RegisteredTool tool =
        find(name)
            .orElseThrow(
                () ->
                    dev.orca.core.OrcaException.invalid(
                        "Tool " + name + " is not available to sub-agents."));
    return tool.invoker().invoke(args);
  }

  private Optional<RegisteredTool> find(String name) {
    try {
      RegisteredTool tool = registry.resolve(name);
      ToolKind kind = tool.spec().kind();
      return kind == ToolKind.TOOL ? Optional.of(tool) : Optional.empty();
    } catch (RuntimeException unknown) {
      return Optional.empty();
    }
  }
}
