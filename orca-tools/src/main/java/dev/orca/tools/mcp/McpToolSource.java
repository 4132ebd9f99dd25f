package dev.orca.tools.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.OrcaException;
import dev.orca.tools.RegisteredTool;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.mcp.internal.McpServerConnection;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The tools of external MCP servers, kept in a {@link ToolRegistry} (ids {@code server::tool}).
 *
 * <p>Servers are connected lazily: {@link #ensureStarted()} (called before the first search or
 * call) connects all of them in parallel and waits at most {@code firstUseWait}; a server that is
 * slower keeps connecting in the background and its tools appear when it answers. Tool lists are
 * cached on disk ({@code HOME/cache/mcp/NAME.json}), so on later runs the tools are searchable at
 * once and a server is only started when one of its tools is called. A server's {@code
 * notifications/tools/list_changed} refreshes its tools. A server that is down or hangs fails only
 * its own calls, with a message that names it.
 */
public final class McpToolSource implements AutoCloseable {

  /**
   * The state of one server.
   *
   * @param name the server
   * @param state NEW, READY, FAILED or CLOSED
   * @param tools how many of its tools are registered
   * @param error why it failed, or {@code null}
   */
  public record ServerStatus(String name, String state, int tools, String error) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ToolRegistry registry;
  private final Path cacheDir;
  private final Duration firstUseWait;
  private final Map<String, McpServerConnection> connections = new LinkedHashMap<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile CompletableFuture<Void> allConnected = CompletableFuture.completedFuture(null);

  /**
   * Creates the source and registers cached tool lists (nothing is started).
   *
   * @param servers the servers
   * @param registry where their tools go
   * @param cacheDir where tool lists are cached (e.g. {@code HOME/cache/mcp}), or {@code null}
   * @param firstUseWait how long the first search waits for servers to connect
   */
  public McpToolSource(
      List<McpServerConfig> servers, ToolRegistry registry, Path cacheDir, Duration firstUseWait) {
    this.registry = registry;
    this.cacheDir = cacheDir;
    this.firstUseWait = firstUseWait;
    for (McpServerConfig config : servers) {
      if (connections.containsKey(config.name())) {
        throw OrcaException.configuration("MCP server '" + config.name() + "' is declared twice.");
      }
      McpServerConnection connection =
          new McpServerConnection(config, tools -> replaceTools(config.name(), tools));
      connections.put(config.name(), connection);
      List<McpSchema.Tool> cached = readCache(config);
      if (cached != null) {
        registerTools(connection, cached);
      }
    }
  }

  /** The configured server names. */
  public Set<String> servers() {
    return connections.keySet();
  }

  /**
   * Connects every server not connected yet, in parallel; the first call waits up to {@code
   * firstUseWait}, later calls return at once.
   */
  public void ensureStarted() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (McpServerConnection c : connections.values()) {
      futures.add(CompletableFuture.runAsync(() -> refreshQuietly(c)));
    }
    allConnected = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    awaitReady(firstUseWait);
  }

  /**
   * Waits until every server has connected or failed, or the time is up.
   *
   * @param wait the longest wait
   * @return whether all servers are done
   */
  public boolean awaitReady(Duration wait) {
    try {
      allConnected.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true;
    }
  }

  /**
   * Connects one server (if needed) and re-reads its tool list.
   *
   * @param name the server
   * @return the number of its tools
   * @throws OrcaException when it cannot be reached
   */
  public int refresh(String name) {
    McpServerConnection c = connections.get(name);
    if (c == null) {
      throw OrcaException.invalid("No MCP server named '" + name + "'. Known: " + servers());
    }
    return refresh(c);
  }

  private int refresh(McpServerConnection c) {
    List<McpSchema.Tool> tools = c.listTools();
    replaceTools(c.config().name(), tools);
    writeCache(c.config(), tools);
    return tools.size();
  }

  private void refreshQuietly(McpServerConnection c) {
    try {
      refresh(c);
    } catch (OrcaException e) {
      // recorded in the connection's state and error; a call to one of its tools retries
    }
  }

  /** The state of every server. */
  public List<ServerStatus> status() {
    List<ServerStatus> out = new ArrayList<>();
    for (McpServerConnection c : connections.values()) {
      int count =
          (int) registry.specs().stream().filter(s -> c.config().name().equals(s.server())).count();
      out.add(new ServerStatus(c.config().name(), c.state().name(), count, c.error()));
    }
    return out;
  }

  private void replaceTools(String server, List<McpSchema.Tool> tools) {
    McpServerConnection c = connections.get(server);
    Set<String> keep = new HashSet<>();
    tools.forEach(t -> keep.add(server + ToolSpec.SEPARATOR + t.name()));
    for (ToolSpec old : registry.specs()) {
      if (server.equals(old.server()) && !keep.contains(old.id())) {
        registry.remove(old.id());
      }
    }
    registerTools(c, tools);
  }

  private void registerTools(McpServerConnection c, List<McpSchema.Tool> tools) {
    List<RegisteredTool> registered = new ArrayList<>();
    for (McpSchema.Tool tool : tools) {
      JsonNode schema = JSON.valueToTree(tool.inputSchema());
      String result =
          tool.outputSchema() == null ? "" : JSON.valueToTree(tool.outputSchema()).toString();
      ToolSpec spec =
          new ToolSpec(
              c.config().name() + ToolSpec.SEPARATOR + tool.name(),
              tool.name(),
              tool.description(),
              schema != null && schema.isObject() ? schema : null,
              result,
              ToolKind.TOOL,
              c.config().name());
      String toolName = tool.name();
      registered.add(new RegisteredTool(spec, args -> invoke(c, spec, toolName, args)));
    }
    registry.registerAll(registered);
  }

  @SuppressWarnings("unchecked")
  private static JsonNode invoke(
      McpServerConnection c, ToolSpec spec, String toolName, JsonNode args) {
    Map<String, Object> arguments = JSON.convertValue(args, Map.class);
    McpSchema.CallToolResult result = c.call(toolName, arguments);
    JsonNode content = contentOf(result);
    if (Boolean.TRUE.equals(result.isError())) {
      String text = content.isTextual() ? content.asText() : content.toString();
      throw OrcaException.invalid(
          "Tool "
              + spec.id()
              + " reported an error: "
              + (text.length() > 2000 ? text.substring(0, 2000) + "…" : text));
    }
    return content;
  }

  /**
   * The JSON a kernel receives for an MCP tool result: the structured content when the server gives
   * one; otherwise the text of a single text block (parsed when it is a JSON object or array), or
   * an array of the blocks.
   *
   * @param result the MCP result
   * @return its JSON value
   */
  public static JsonNode contentOf(McpSchema.CallToolResult result) {
    if (result.structuredContent() != null) {
      return JSON.valueToTree(result.structuredContent());
    }
    List<McpSchema.Content> blocks = result.content() == null ? List.of() : result.content();
    if (blocks.size() == 1 && blocks.get(0) instanceof McpSchema.TextContent text) {
      return textValue(text.text());
    }
    ArrayNode array = JSON.createArrayNode();
    for (McpSchema.Content block : blocks) {
      if (block instanceof McpSchema.TextContent text) {
        array.add(textValue(text.text()));
      } else {
        array.add(JSON.valueToTree(block));
      }
    }
    return array;
  }

  private static JsonNode textValue(String text) {
    String t = text == null ? "" : text.trim();
    if (t.startsWith("{") && t.endsWith("}") || t.startsWith("[") && t.endsWith("]")) {
      try {
        return JSON.readTree(t);
      } catch (IOException notJson) {
        // plain text that happens to start with a bracket
      }
    }
    return JSON.getNodeFactory().textNode(text == null ? "" : text);
  }

  private Path cacheFile(McpServerConfig config) {
    return cacheDir.resolve(config.name() + ".json");
  }

  private List<McpSchema.Tool> readCache(McpServerConfig config) {
    if (cacheDir == null || !Files.isRegularFile(cacheFile(config))) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(cacheFile(config).toFile());
      if (!config.toString().equals(node.path("config").asText())) {
        return null;
      }
      List<McpSchema.Tool> tools = new ArrayList<>();
      for (JsonNode t : node.path("tools")) {
        tools.add(
            McpSchema.Tool.builder()
                .name(t.path("name").asText())
                .description(t.path("description").asText(""))
                .inputSchema(
                    new io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper(JSON),
                    t.path("inputSchema").toString())
                .build());
      }
      return tools;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private void writeCache(McpServerConfig config, List<McpSchema.Tool> tools) {
    if (cacheDir == null) {
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("config", config.toString());
    ArrayNode array = root.putArray("tools");
    for (McpSchema.Tool t : tools) {
      ObjectNode o = array.addObject();
      o.put("name", t.name());
      o.put("description", t.description());
      o.set("inputSchema", JSON.valueToTree(t.inputSchema()));
    }
    try {
      Files.createDirectories(cacheDir);
      Path tmp = Files.createTempFile(cacheDir, config.name(), ".tmp");
      JSON.writeValue(tmp.toFile(), root);
      Files.move(
          tmp,
          cacheFile(config),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      System.err.println(
          "orca: could not cache the tools of MCP server '"
              + config.name()
              + "': "
              + e.getMessage());
    }
  }

  @Override
  public void close() {
    connections.values().forEach(McpServerConnection::close);
  }
}
