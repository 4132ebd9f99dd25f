package dev.orca.agent.subagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.ToolSpec;

/**
 * Makes sub-agents findable by {@code search_tools}: each agent of a {@link SubagentRegistry}
 * becomes a {@link ToolSpec} of kind {@code agent} in the tool registry, now and whenever one is
 * registered later (a generated agent is findable at once). Calling the entry through {@code
 * callTool} (or its kernel stub) runs the agent on {@code {"data": ...}}; from code the usual call
 * is {@code callSubagent("name", "variableName")}.
 */
public final class SubagentCatalog {

  private SubagentCatalog() {}

  /**
   * Publishes every agent of {@code agents} into {@code tools}, and every agent registered later.
   *
   * @param agents the sub-agent registry
   * @param tools the tool registry searched by {@code search_tools}
   * @param runner runs an agent when its entry is called
   */
  public static void publish(SubagentRegistry agents, ToolRegistry tools, SubagentRunner runner) {
    agents.onRegister(spec -> tools.register(toolSpec(spec), args -> invoke(runner, spec, args)));
    for (SubagentSpec spec : agents.all()) {
      tools.register(toolSpec(spec), args -> invoke(runner, spec, args));
    }
  }

  /**
   * The searchable description of an agent.
   *
   * @param spec the agent
   * @return a tool spec of kind {@code agent} whose id is the agent's name
   */
  public static ToolSpec toolSpec(SubagentSpec spec) {
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    schema.put("type", "object");
    schema
        .putObject("properties")
        .putObject("data")
        .put(
            "description",
            "The data to hand over: text or any JSON value (from code, prefer"
                + " callSubagent(name, variableName)).");
    schema.putArray("required").add("data");
    String description =
        "Sub-agent: "
            + spec.purpose()
            + " Runs in a fresh context with only the data you hand it. From code: var r ="
            + " callSubagent(\""
            + spec.name()
            + "\", \"variableName\"); for each element of a list: mapSubagent(\""
            + spec.name()
            + "\", \"listVariableName\", 8).";
    return new ToolSpec(
        spec.name(),
        spec.name(),
        description,
        schema,
        spec.outputFormat() instanceof OutputFormat.Json
            ? "{\"result\": JSON, \"tokens\": int}"
            : "{\"result\": text, \"tokens\": int}",
        ToolKind.AGENT,
        null);
  }

  private static JsonNode invoke(SubagentRunner runner, SubagentSpec spec, JsonNode args) {
    JsonNode data = args == null ? null : args.get("data");
    String text = data != null && data.isTextual() ? data.asText() : null;
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("name", spec.name());
    request.put("variableName", "data");
    request.set("data", data);
    if (text != null) {
      request.put("text", text);
    }
    return SubagentBridge.call(runner, request);
  }
}
