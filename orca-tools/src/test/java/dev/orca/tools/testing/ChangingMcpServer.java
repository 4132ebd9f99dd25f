package dev.orca.tools.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * A small stdio MCP server built with the MCP Java SDK, run in a child JVM by the ITs: it starts
 * with the tool {@code grow}; calling it adds the tool {@code grown} and sends {@code
 * notifications/tools/list_changed}.
 */
public final class ChangingMcpServer {

  private ChangingMcpServer() {}

  /**
   * Runs the server on stdin/stdout until the process is stopped. Like some real servers, it does
   * not exit when its stdin closes, so tests see whether the client stops it.
   *
   * @param args unused
   */
  public static void main(String[] args) throws Exception {
    JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
    McpSyncServer[] server = new McpSyncServer[1];
    McpSchema.Tool grow =
        McpSchema.Tool.builder()
            .name("grow")
            .description("Adds another tool to this server")
            .inputSchema(Map.of("type", "object", "properties", Map.of()))
            .build();
    McpSchema.Tool grown =
        McpSchema.Tool.builder()
            .name("grown")
            .description("A tool that appeared while the server ran")
            .inputSchema(Map.of("type", "object", "properties", Map.of()))
            .build();
    McpServerFeatures.SyncToolSpecification grownSpec =
        McpServerFeatures.SyncToolSpecification.builder()
            .tool(grown)
            .callHandler(
                (exchange, request) ->
                    new McpSchema.CallToolResult(
                        List.of(new McpSchema.TextContent("grown!")), false, null, null))
            .build();
    McpServerFeatures.SyncToolSpecification growSpec =
        McpServerFeatures.SyncToolSpecification.builder()
            .tool(grow)
            .callHandler(
                (exchange, request) -> {
                  server[0].addTool(grownSpec);
                  server[0].notifyToolsListChanged();
                  return new McpSchema.CallToolResult(
                      List.of(new McpSchema.TextContent("ok")), false, null, null);
                })
            .build();
    server[0] =
        McpServer.sync(new StdioServerTransportProvider(json))
            .serverInfo("changing", "1.0")
            .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
            .tools(growSpec)
            .build();
    Thread.currentThread().join();
  }
}
