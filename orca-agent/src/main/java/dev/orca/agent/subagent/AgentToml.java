package dev.orca.agent.subagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.core.OrcaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads and writes a learned sub-agent's definition: {@code
 * learned_skills/agents/<name>/agent.toml} plus the system prompt in {@code prompts.md} next to it.
 * The format is documented in orca-agent/README.md ("Sub-agents"):
 *
 * <pre>
 * # (header comments: name, version, created, updated, generator, request hash)
 * name = "sentiment_analyzer"          # required, equals the directory name
 * purpose = "Classifies ..."           # required
 * model = "default"                    # or "provider:name"
 * tools = ["execute_code"]             # allowlist, default []
 * token_budget = 8000                  # default 8000
 * max_output_tokens = 1500             # default 1500
 * chunking = "none"                    # none | map_reduce | concat
 * system_prompt = "..."                # optional; prompts.md wins when present
 * [output]
 * format = "text"                      # text | json
 * schema = '''{"type":"object"}'''     # JSON schema (string or inline table), json only
 * </pre>
 *
 * {@code prompts.md} holds the system prompt: the text under a {@code ## System prompt} heading up
 * to the next {@code ## } heading, or the whole file without leading HTML comments when it has no
 * such heading.
 */
public final class AgentToml {

  /** File name of the configuration. */
  public static final String CONFIG_FILE = "agent.toml";

  /** File name of the system prompt. */
  public static final String PROMPTS_FILE = "prompts.md";

  /** Budget used when {@code token_budget} is absent. */
  public static final int DEFAULT_BUDGET = 8_000;

  /** Output limit used when {@code max_output_tokens} is absent. */
  public static final int DEFAULT_MAX_OUTPUT = 1_500;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROMPT_HEADING = "## system prompt";

  private AgentToml() {}

  /**
   * Loads the agent defined in a directory.
   *
   * @param dir {@code learned_skills/agents/<name>/}
   * @return the agent, with the directory as its source
   * @throws OrcaException when a file is missing or invalid; the message names the file and the
   *     problem
   */
  public static SubagentSpec load(Path dir) {
    Path config = dir.resolve(CONFIG_FILE);
    if (!Files.isRegularFile(config)) {
      throw OrcaException.invalid(
          "Learned agent directory " + dir + " has no " + CONFIG_FILE + ": it cannot be loaded.");
    }
    try {
      String toml = Files.readString(config, StandardCharsets.UTF_8);
      Path promptsPath = dir.resolve(PROMPTS_FILE);
      String prompts =
          Files.isRegularFile(promptsPath)
              ? Files.readString(promptsPath, StandardCharsets.UTF_8)
              : null;
      SubagentSpec spec = parse(toml, prompts, dir.toString());
      String dirName = dir.getFileName().toString();
      if (!spec.name().equals(dirName)) {
        throw OrcaException.invalid(
            config
                + ": name \""
                + spec.name()
                + "\" differs from its directory \""
                + dirName
                + "\"; rename one so they match.");
      }
      return spec;
    } catch (IOException e) {
      throw new OrcaException("Cannot read learned agent " + dir + ": " + e.getMessage(), false, e);
    }
  }

  /**
   * Parses an agent definition from its files' contents (used by the agent generator's validation
   * before anything is written).
   *
   * @param agentToml the contents of {@code agent.toml}
   * @param promptsMd the contents of {@code prompts.md}, or {@code null} when there is none
   * @param source where it comes from (shown in errors and kept in the spec)
   * @return the agent
   * @throws OrcaException when the definition is invalid; the message says what to fix
   */
  public static SubagentSpec parse(String agentToml, String promptsMd, String source) {
    TomlParseResult toml = Toml.parse(agentToml);
    if (toml.hasErrors()) {
      throw OrcaException.invalid(
          source + "/" + CONFIG_FILE + " is not valid TOML: " + toml.errors().get(0));
    }
    try {
      String name = requiredString(toml, "name");
      String purpose = requiredString(toml, "purpose");
      String prompt = promptsMd == null ? null : systemPrompt(promptsMd);
      if (prompt == null || prompt.isBlank()) {
        prompt = toml.getString("system_prompt");
      }
      if (prompt == null || prompt.isBlank()) {
        throw new IllegalArgumentException(
            "no system prompt: write it in "
                + PROMPTS_FILE
                + " under \"## System prompt\" (or as system_prompt in "
                + CONFIG_FILE
                + ")");
      }
      return new SubagentSpec(
          name,
          purpose,
          prompt,
          toml.getString("model"),
          stringList(toml, "tools"),
          intValue(toml, "token_budget", DEFAULT_BUDGET),
          intValue(toml, "max_output_tokens", DEFAULT_MAX_OUTPUT),
          outputFormat(toml),
          chunking(toml.getString("chunking")),
          source);
    } catch (IllegalArgumentException | org.tomlj.TomlInvalidTypeException e) {
      throw OrcaException.invalid(source + "/" + CONFIG_FILE + ": " + e.getMessage());
    }
  }

  /**
   * Writes the TOML of an agent (without a header; the caller prepends its own comment lines).
   *
   * @param spec the agent
   * @return the contents of {@code agent.toml}
   */
  public static String render(SubagentSpec spec) {
    StringBuilder out = new StringBuilder();
    out.append("name = ").append(quote(spec.name())).append('\n');
    out.append("purpose = ").append(quote(spec.purpose())).append('\n');
    out.append("model = ").append(quote(spec.model())).append('\n');
    out.append("tools = [");
    for (int i = 0; i < spec.tools().size(); i++) {
      out.append(i == 0 ? "" : ", ").append(quote(spec.tools().get(i)));
    }
    out.append("]\n");
    out.append("token_budget = ").append(spec.tokenBudget()).append('\n');
    out.append("max_output_tokens = ").append(spec.maxOutputTokens()).append('\n');
    out.append("chunking = ")
        .append(quote(spec.chunking().name().toLowerCase(Locale.ROOT)))
        .append('\n');
    out.append("\n[output]\n");
    if (spec.outputFormat() instanceof OutputFormat.Json json) {
      out.append("format = \"json\"\n");
      out.append("schema = '''").append(json.schema().toString()).append("'''\n");
    } else {
      out.append("format = \"text\"\n");
    }
    return out.toString();
  }

  /**
   * Extracts the system prompt from {@code prompts.md}.
   *
   * @param promptsMd the file's contents
   * @return the prompt, stripped
   */
  public static String systemPrompt(String promptsMd) {
    String text = promptsMd.replace("\r\n", "\n");
    List<String> lines = List.of(text.split("\n", -1));
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().toLowerCase(Locale.ROOT).startsWith(PROMPT_HEADING)) {
        start = i + 1;
        break;
      }
    }
    if (start < 0) {
      return stripLeadingComments(text).strip();
    }
    StringBuilder prompt = new StringBuilder();
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("## ") || line.equals("##")) {
        break;
      }
      prompt.append(line).append('\n');
    }
    return prompt.toString().strip();
  }

  private static String stripLeadingComments(String text) {
    String rest = text.stripLeading();
    while (rest.startsWith("<!--")) {
      int end = rest.indexOf("-->");
      if (end < 0) {
        return "";
      }
      rest = rest.substring(end + 3).stripLeading();
    }
    return rest;
  }

  private static String requiredString(TomlTable toml, String key) {
    String value = toml.getString(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing required key " + key + " (a string)");
    }
    return value;
  }

  private static int intValue(TomlTable toml, String key, int fallback) {
    Long value = toml.getLong(key);
    if (value == null) {
      return fallback;
    }
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(key + " is out of range: " + value);
    }
    return value.intValue();
  }

  private static List<String> stringList(TomlTable toml, String key) {
    TomlArray array = toml.getArray(key);
    if (array == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object value = array.get(i);
      if (!(value instanceof String s) || s.isBlank()) {
        throw new IllegalArgumentException(key + " must be a list of tool names: " + value);
      }
      values.add(s.strip());
    }
    return values;
  }

  private static Chunking chunking(String value) {
    if (value == null || value.isBlank()) {
      return Chunking.NONE;
    }
    try {
      return Chunking.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "chunking \"" + value + "\" is unknown: use none, map_reduce or concat");
    }
  }

  private static OutputFormat outputFormat(TomlTable toml) {
    TomlTable output = toml.getTable("output");
    String format = output == null ? null : output.getString("format");
    if (format == null || format.isBlank() || format.equalsIgnoreCase("text")) {
      return OutputFormat.text();
    }
    if (!format.equalsIgnoreCase("json")) {
      throw new IllegalArgumentException(
          "output.format \"" + format + "\" is unknown: use text or json");
    }
    Object schema = output.get("schema");
    if (schema == null) {
      return OutputFormat.json(JSON.createObjectNode());
    }
    String schemaJson = schema instanceof TomlTable table ? table.toJson() : schema.toString();
    try {
      JsonNode node = JSON.readTree(schemaJson);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("output.schema must be a JSON object");
      }
      return OutputFormat.json(node);
    } catch (IOException e) {
      throw new IllegalArgumentException("output.schema is not valid JSON: " + e.getMessage());
    }
  }

  private static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
