package dev.orca.agent;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.orca.tools.MetaTools;
import dev.orca.tools.OrcaPrompts;
import dev.orca.tools.ToolSpec;
import java.util.List;

/**
 * What the orchestrator gives a model upfront: the short system prompt ({@link OrcaPrompts#SYSTEM})
 * and exactly two tools, {@code execute_code} and {@code search_tools}, with the canonical
 * descriptions of {@link MetaTools}. Everything else is found by searching and called from code.
 */
public final class AgentTools {

  /** Name of the code tool. */
  public static final String EXECUTE_CODE = "execute_code";

  /** Name of the search tool. */
  public static final String SEARCH_TOOLS = "search_tools";

  private static final List<ToolSpecification> UPFRONT =
      MetaTools.upfront().stream().map(AgentTools::toSpecification).toList();

  private AgentTools() {}

  /** The two upfront tools as LangChain4j specifications. */
  public static List<ToolSpecification> upfront() {
    return UPFRONT;
  }

  /** The orchestrator's system prompt. */
  public static String systemPrompt() {
    return OrcaPrompts.SYSTEM;
  }

  /**
   * Converts a registry tool to a LangChain4j specification (its name must be a valid tool name for
   * providers: the id with {@code ::} replaced).
   *
   * @param spec the tool
   * @return the specification
   */
  public static ToolSpecification toSpecification(ToolSpec spec) {
    String name = spec.id().replace("::", "__").replaceAll("[^A-Za-z0-9_-]", "_");
    if (name.length() > 64) {
      name = name.substring(0, 64);
    }
    return JsonSchemas.tool(name, spec.description(), spec.parameters());
  }
}
