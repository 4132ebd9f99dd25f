package dev.orca.tools.mcp;

import dev.orca.core.OrcaException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads the MCP servers of {@code HOME/config.toml}:
 *
 * <pre>
 * [mcp.servers.everything]
 * command = "npx"
 * args = ["-y", "@modelcontextprotocol/server-everything"]
 * env = { API_KEY = "${MY_API_KEY}" }     # ${VAR} is taken from the environment
 * timeout_seconds = 20
 *
 * [mcp.servers.remote]
 * url = "https://example.com/mcp"
 * headers = { Authorization = "Bearer ${REMOTE_TOKEN}" }
 * </pre>
 */
public final class McpConfig {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private McpConfig() {}

  /**
   * The servers declared in a config file.
   *
   * @param configFile the TOML file (a missing file declares none)
   * @param environment where {@code ${VAR}} references are looked up
   * @return the servers, in file order
   * @throws dev.orca.core.ConfigurationException naming the file, line and fix when invalid
   */
  public static List<McpServerConfig> load(Path configFile, Map<String, String> environment) {
    if (!Files.isRegularFile(configFile)) {
      return List.of();
    }
    TomlParseResult toml;
    try {
      toml = Toml.parse(configFile);
    } catch (java.io.IOException e) {
      throw OrcaException.configuration("Cannot read " + configFile + ": " + e.getMessage());
    }
    if (toml.hasErrors()) {
      throw OrcaException.configuration(
          configFile + " is not valid TOML: " + toml.errors().get(0).toString());
    }
    return parse(toml, configFile.toString(), environment);
  }

  /**
   * The servers declared in TOML text (for tests and tools that build config in memory).
   *
   * @param text TOML
   * @param environment where {@code ${VAR}} references are looked up
   * @return the servers
   */
  public static List<McpServerConfig> parse(String text, Map<String, String> environment) {
    TomlParseResult toml = Toml.parse(text);
    if (toml.hasErrors()) {
      throw OrcaException.configuration("Invalid TOML: " + toml.errors().get(0).toString());
    }
    return parse(toml, "config", environment);
  }

  private static List<McpServerConfig> parse(
      TomlParseResult toml, String where, Map<String, String> env) {
    TomlTable servers = toml.getTable("mcp.servers");
    if (servers == null) {
      return List.of();
    }
    List<McpServerConfig> out = new ArrayList<>();
    for (String name : servers.keySet()) {
      TomlTable t = servers.getTable(List.of(name));
      String prefix = where + ": [mcp.servers." + name + "]";
      if (t == null) {
        throw OrcaException.configuration(prefix + " must be a table.");
      }
      try {
        Long seconds = t.getLong("timeout_seconds");
        Duration timeout = seconds == null ? null : Duration.ofSeconds(seconds);
        String command = t.getString("command");
        String url = t.getString("url");
        if ((command == null) == (url == null)) {
          throw new IllegalArgumentException(
              "needs either command (a stdio server) or url (streamable HTTP), not "
                  + (command == null ? "neither" : "both"));
        }
        if (command != null) {
          out.add(
              new McpServerConfig.Stdio(
                  name,
                  expand(command, env, prefix),
                  strings(t.getArray("args"), env, prefix),
                  table(t.getTable("env"), env, prefix),
                  timeout));
        } else {
          out.add(
              new McpServerConfig.Http(
                  name,
                  URI.create(expand(url, env, prefix)),
                  table(t.getTable("headers"), env, prefix),
                  timeout));
        }
      } catch (IllegalArgumentException | org.tomlj.TomlInvalidTypeException e) {
        throw OrcaException.configuration(prefix + " " + e.getMessage());
      }
    }
    return out;
  }

  private static List<String> strings(TomlArray array, Map<String, String> env, String where) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        out.add(expand(array.getString(i), env, where));
      }
    }
    return out;
  }

  private static Map<String, String> table(TomlTable t, Map<String, String> env, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    if (t != null) {
      for (String key : t.keySet()) {
        out.put(key, expand(t.getString(List.of(key)), env, where));
      }
    }
    return out;
  }

  /** Replaces {@code ${VAR}} with the environment's value; an unset variable is an error. */
  static String expand(String value, Map<String, String> env, String where) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = env.get(m.group(1));
      if (v == null) {
        throw OrcaException.configuration(
            where + " uses ${" + m.group(1) + "}, which is not set in the environment.");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }
}
