package dev.orca.tools.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.OrcaException;
import dev.orca.tools.RegisteredTool;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.search.ToolSearch;

/**
 * Wires the tool built-ins into a {@link BridgeRouter}: {@code searchTools} and {@code callTool},
 * plus the host tool {@code describe_tool} (the full description and schema of any tool, which
 * bounded search results point to).
 */
public final class ToolBridge {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Name (and id) of the host tool that returns a tool's full spec. */
  public static final String DESCRIBE_TOOL = "describe_tool";

  private ToolBridge() {}

  /**
   * Registers {@code searchTools} and {@code callTool} on the router and {@code describe_tool} in
   * the registry.
   *
   * @param router the bridge router
   * @param registry the tools
   * @param search the search over them
   * @param beforeUse run before each search and call (e.g. start lazily connected MCP servers), or
   *     {@code null}
   * @param maxResultBytes largest tool result passed to the kernel
   */
  public static void install(
      BridgeRouter router,
      ToolRegistry registry,
      ToolSearch search,
      Runnable beforeUse,
      int maxResultBytes) {
    Runnable before = beforeUse == null ? () -> {} : beforeUse;
    registry.register(describeToolSpec(), args -> describe(registry, args.path("id").asText()));
    router.register("searchTools", new SearchToolsHandler(search, before));
    CallToolHandler call = new CallToolHandler(registry, maxResultBytes);
    router.register(
        "callTool",
        args -> {
          before.run();
          return call.handle(args);
        });
  }

  private static ToolSpec describeToolSpec() {
    ObjectNode schema = ToolSpec.emptyObjectSchema();
    schema
        .with("properties")
        .putObject("id")
        .put("type", "string")
        .put("description", "the tool's id (or unambiguous name) as search returned it");
    schema.putArray("required").add("id");
    return new ToolSpec(
        DESCRIBE_TOOL,
        DESCRIBE_TOOL,
        "Show the full description and JSON Schema of any tool, function or agent by id.",
        schema,
        "{id, name, kind, server, description, parameters, signature}",
        ToolKind.TOOL,
        null);
  }

  private static ObjectNode describe(ToolRegistry registry, String id) {
    if (id.isBlank()) {
      throw OrcaException.invalid("describe_tool needs an id.");
    }
    RegisteredTool tool = registry.resolve(id);
    ToolSpec s = tool.spec();
    ObjectNode out = JSON.createObjectNode();
    out.put("id", s.id());
    out.put("name", s.name());
    out.put("kind", s.kind().wireName());
    out.put("server", s.server());
    out.put("description", s.description());
    out.set("parameters", s.parameters());
    out.put("result", s.resultDescription());
    out.put("signature", ToolStubGenerator.signature(s));
    return out;
  }
}
