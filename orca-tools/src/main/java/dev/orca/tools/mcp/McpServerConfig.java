package dev.orca.tools.mcp;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An external MCP server declared in {@code HOME/config.toml} under {@code [mcp.servers.NAME]}:
 * either a local process spoken to over stdio, or a remote server over streamable HTTP.
 */
public sealed interface McpServerConfig permits McpServerConfig.Stdio, McpServerConfig.Http {

  /** Default time to connect, and for each request. */
  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  /** The server's name; tool ids are {@code name::tool}. */
  String name();

  /** How long connecting, and each request, may take. */
  Duration timeout();

  /**
   * A process started with {@code command args…} and the given extra environment.
   *
   * @param name the server's name
   * @param command the executable
   * @param args its arguments
   * @param env extra environment variables (values may be secrets: never logged)
   * @param timeout connect and request timeout
   */
  record Stdio(
      String name, String command, List<String> args, Map<String, String> env, Duration timeout)
      implements McpServerConfig {
    /** Validates and copies. */
    public Stdio {
      requireName(name);
      if (command == null || command.isBlank()) {
        throw new IllegalArgumentException("MCP server '" + name + "' needs a command");
      }
      args = List.copyOf(args);
      env = Map.copyOf(env);
      timeout = checkTimeout(name, timeout);
    }

    @Override
    public String toString() {
      return "Stdio["
          + name
          + ": "
          + command
          + " "
          + String.join(" ", args)
          + ", env "
          + env.keySet()
          + "]";
    }
  }

  /**
   * A server over MCP streamable HTTP.
   *
   * @param name the server's name
   * @param url the endpoint, e.g. {@code http://localhost:3001/mcp}
   * @param headers extra request headers (values may be secrets: never logged)
   * @param timeout connect and request timeout
   */
  record Http(String name, URI url, Map<String, String> headers, Duration timeout)
      implements McpServerConfig {
    /** Validates and copies. */
    public Http {
      requireName(name);
      Objects.requireNonNull(url, "url");
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
        throw new IllegalArgumentException(
            "MCP server '" + name + "' url must be http or https: " + url);
      }
      headers = Map.copyOf(headers);
      timeout = checkTimeout(name, timeout);
    }

    @Override
    public String toString() {
      return "Http[" + name + ": " + url + ", headers " + headers.keySet() + "]";
    }
  }

  private static void requireName(String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]*")) {
      throw new IllegalArgumentException(
          "MCP server name must be letters, digits, '_', '-' or '.': " + name);
    }
  }

  private static Duration checkTimeout(String name, Duration timeout) {
    Duration t = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (t.isNegative() || t.isZero()) {
      throw new IllegalArgumentException("MCP server '" + name + "' timeout must be positive");
    }
    return t;
  }
}
