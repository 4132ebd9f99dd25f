package dev.orca.tools.mcp.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.core.OrcaException;
import dev.orca.tools.mcp.McpServerConfig;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One external MCP server: connects on demand with the official MCP Java SDK client, lists its
 * tools, calls them, and reports every failure as an {@link OrcaException} that names the server
 * and says what happened. Connecting is bounded by the server's timeout even if the SDK would wait
 * longer, so a hanging server costs at most that long.
 */
public final class McpServerConnection implements AutoCloseable {

  /** Connection states. */
  public enum State {
    /** Not tried yet. */
    NEW,
    /** Connected and initialized. */
    READY,
    /** The last attempt failed; the next use tries again. */
    FAILED,
    /** Closed for good. */
    CLOSED
  }

  private static final McpJsonMapper JSON_MAPPER = new JacksonMcpJsonMapper(new ObjectMapper());
  private static final ExecutorService CONNECTORS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "orca-mcp-connect");
            t.setDaemon(true);
            return t;
          });

  private final McpServerConfig config;
  private final Consumer<List<McpSchema.Tool>> onToolsChanged;
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private volatile McpSyncClient client;
  private volatile State state = State.NEW;
  private volatile String error;

  /**
   * Creates a connection (nothing starts until {@link #client()} is called).
   *
   * @param config the server
   * @param onToolsChanged told the new tool list when the server sends {@code
   *     notifications/tools/list_changed}
   */
  public McpServerConnection(
      McpServerConfig config, Consumer<List<McpSchema.Tool>> onToolsChanged) {
    this.config = config;
    this.onToolsChanged = onToolsChanged;
  }

  /** The server's configuration. */
  public McpServerConfig config() {
    return config;
  }

  /** The current state. */
  public State state() {
    return state;
  }

  /** Why the last attempt failed, or {@code null}. */
  public String error() {
    return error;
  }

  /**
   * The connected client, connecting first if needed.
   *
   * @return the client
   * @throws OrcaException (retriable) when the server cannot be reached in time
   */
  public synchronized McpSyncClient client() {
    if (state == State.READY && client != null) {
      return client;
    }
    if (state == State.CLOSED) {
      throw OrcaException.invalid("MCP server '" + config.name() + "' was closed.");
    }
    McpSyncClient fresh = null;
    try {
      McpClientTransport transport = transport();
      fresh =
          McpClient.sync(transport)
              .requestTimeout(config.timeout())
              .initializationTimeout(config.timeout())
              .clientInfo(new McpSchema.Implementation("orca", "0.1.0"))
              .toolsChangeConsumer(onToolsChanged)
              .build();
      McpSyncClient starting = fresh;
      Future<?> init = CONNECTORS.submit(starting::initialize);
      init.get(config.timeout().toMillis() + 500, TimeUnit.MILLISECONDS);
      client = fresh;
      state = State.READY;
      error = null;
      return fresh;
    } catch (TimeoutException e) {
      fail(fresh, "did not answer within " + config.timeout().toSeconds() + " s");
    } catch (ExecutionException e) {
      fail(fresh, describe(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(fresh, "was interrupted while connecting");
    } catch (RuntimeException e) {
      fail(fresh, describe(e));
    }
    throw new IllegalStateException("unreachable");
  }

  private void fail(McpSyncClient fresh, String why) {
    closeQuietly(fresh);
    state = State.FAILED;
    String tail;
    synchronized (stderrTail) {
      tail = stderrTail.isEmpty() ? "" : " Its last output: " + String.join(" | ", stderrTail);
    }
    error = "MCP server '" + config.name() + "' (" + config + ") " + why + "." + tail;
    throw OrcaException.transientFailure(error, null);
  }

  /**
   * All tools the server lists (following pagination).
   *
   * @return the tools
   */
  public List<McpSchema.Tool> listTools() {
    McpSyncClient c = client();
    try {
      List<McpSchema.Tool> tools = new ArrayList<>();
      String cursor = null;
      do {
        McpSchema.ListToolsResult page = cursor == null ? c.listTools() : c.listTools(cursor);
        tools.addAll(page.tools());
        cursor = page.nextCursor();
      } while (cursor != null && !cursor.isEmpty());
      return tools;
    } catch (RuntimeException e) {
      throw requestFailure("tools/list", e);
    }
  }

  /**
   * Calls a tool.
   *
   * @param tool the tool's name on this server
   * @param arguments its arguments
   * @return the server's result
   */
  public McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
    McpSyncClient c = client();
    try {
      return c.callTool(new McpSchema.CallToolRequest(tool, arguments));
    } catch (RuntimeException e) {
      throw requestFailure("tools/call " + tool, e);
    }
  }

  private OrcaException requestFailure(String what, RuntimeException e) {
    String why = describe(e);
    if (client != null && !client.isInitialized()) {
      state = State.FAILED;
    }
    return OrcaException.transientFailure(
        "MCP server '" + config.name() + "' " + what + " failed: " + why, e);
  }

  private McpClientTransport transport() {
    if (config instanceof McpServerConfig.Stdio s) {
      ServerParameters params =
          ServerParameters.builder(s.command()).args(s.args()).env(s.env()).build();
      StdioClientTransport t = new StdioClientTransport(params, JSON_MAPPER);
      t.setStdErrorHandler(
          line -> {
            synchronized (stderrTail) {
              stderrTail.addLast(line.length() > 200 ? line.substring(0, 200) : line);
              while (stderrTail.size() > 3) {
                stderrTail.removeFirst();
              }
            }
          });
      return t;
    }
    McpServerConfig.Http h = (McpServerConfig.Http) config;
    String base = h.url().getScheme() + "://" + h.url().getRawAuthority();
    String endpoint =
        h.url().getRawPath() == null || h.url().getRawPath().isEmpty()
            ? "/mcp"
            : h.url().getRawPath();
    if (h.url().getRawQuery() != null) {
      endpoint += "?" + h.url().getRawQuery();
    }
    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder();
    h.headers().forEach(request::header);
    return HttpClientStreamableHttpTransport.builder(base)
        .endpoint(endpoint)
        .jsonMapper(JSON_MAPPER)
        .requestBuilder(request)
        .connectTimeout(config.timeout())
        .build();
  }

  private String describe(Throwable e) {
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (t instanceof TimeoutException
          || m.contains("did not observe any item")
          || m.contains("timeout")) {
        return "did not answer within " + config.timeout().toSeconds() + " s";
      }
      root = t;
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    if (message.length() > 300) {
      message = message.substring(0, 300) + "…";
    }
    return "failed (" + root.getClass().getSimpleName() + message + ")";
  }

  private static void closeQuietly(McpSyncClient c) {
    if (c != null) {
      try {
        // Gracefully: waits (at most the SDK's 10 s) until a stdio server's process has ended.
        // close() only starts closing, so a host that exits right after it could leave the
        // server running, orphaned, when that server does not exit as its stdin closes.
        if (!c.closeGracefully()) {
          c.close();
        }
      } catch (RuntimeException ignored) {
        // closing a half-open client: nothing more to do
      }
    }
  }

  @Override
  public synchronized void close() {
    state = State.CLOSED;
    closeQuietly(client);
    client = null;
  }
}
