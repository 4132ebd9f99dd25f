package dev.orca.agent.subagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sub-agents that ship with Orca (DESIGN.md §2.5): {@code summarizer}, {@code code_generator},
 * {@code test_generator}, {@code code_reviewer} and {@code agent_generator}. Their system prompts
 * live next to this class as {@code prompts/<name>.md}.
 */
public final class BuiltinSubagents {

  /** Name of the summarizer. */
  public static final String SUMMARIZER = "summarizer";

  /** Name of the generator of one Java function (one public final class, one static method). */
  public static final String CODE_GENERATOR = "code_generator";

  /** Name of the generator of a JUnit 5 test class. */
  public static final String TEST_GENERATOR = "test_generator";

  /** Name of the reviewer that returns {@code {"issues":[...]}}. */
  public static final String CODE_REVIEWER = "code_reviewer";

  /** Name of the generator of {@code agent.toml}, {@code prompts.md} and {@code README.md}. */
  public static final String AGENT_GENERATOR = "agent_generator";

  /** JSON schema of the code reviewer's answer. */
  public static final String REVIEW_SCHEMA =
      "{\"type\":\"object\",\"required\":[\"issues\"],\"properties\":{\"issues\":{\"type\":\"array\","
          + "\"items\":{\"type\":\"object\",\"required\":[\"severity\",\"line\",\"message\",\"suggestion\"],"
          + "\"properties\":{\"severity\":{\"type\":\"string\",\"enum\":[\"critical\",\"major\",\"minor\",\"info\"]},"
          + "\"line\":{\"type\":\"integer\"},\"message\":{\"type\":\"string\"},"
          + "\"suggestion\":{\"type\":\"string\"}}}}}}";

  /** JSON schema of the agent generator's answer. */
  public static final String AGENT_FILES_SCHEMA =
      "{\"type\":\"object\",\"required\":[\"files\"],\"properties\":{\"files\":{\"type\":\"object\","
          + "\"required\":[\"agent.toml\",\"prompts.md\",\"README.md\"],\"properties\":{"
          + "\"agent.toml\":{\"type\":\"string\"},\"prompts.md\":{\"type\":\"string\"},"
          + "\"README.md\":{\"type\":\"string\"}}}}}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private BuiltinSubagents() {}

  /** All built-in sub-agents, freshly built. */
  public static List<SubagentSpec> all() {
    return List.of(
        spec(
            SUMMARIZER,
            "Summarizes a document, transcript, list of records or JSON value into a short, faithful"
                + " summary; large inputs are summarized in parts and the parts merged.",
            8_000,
            1_000,
            OutputFormat.text(),
            Chunking.MAP_REDUCE),
        spec(
            CODE_GENERATOR,
            "Writes one reusable Java function from a name, a description and examples: a public final"
                + " class named after the function with one public static method, with Javadoc.",
            12_000,
            3_000,
            OutputFormat.text(),
            Chunking.NONE),
        spec(
            TEST_GENERATOR,
            "Writes a JUnit 5 test class for a generated Java function: examples, edge cases and"
                + " invalid input, aiming for 80% line and branch coverage.",
            12_000,
            4_000,
            OutputFormat.text(),
            Chunking.NONE),
        spec(
            CODE_REVIEWER,
            "Reviews Java source for security, correctness, robustness and style; returns JSON issues"
                + " with severity (critical, major, minor, info), line, message and suggestion.",
            12_000,
            2_500,
            OutputFormat.json(parse(REVIEW_SCHEMA)),
            Chunking.NONE),
        spec(
            AGENT_GENERATOR,
            "Designs a new sub-agent from a name, a purpose and a tool list: returns its agent.toml,"
                + " prompts.md (system prompt) and README.md as JSON.",
            10_000,
            4_000,
            OutputFormat.json(parse(AGENT_FILES_SCHEMA)),
            Chunking.NONE));
  }

  private static SubagentSpec spec(
      String name,
      String purpose,
      int budget,
      int maxOutput,
      OutputFormat format,
      Chunking chunking) {
    return new SubagentSpec(
        name,
        purpose,
        prompt(name),
        SubagentSpec.DEFAULT_MODEL,
        List.of(),
        budget,
        maxOutput,
        format,
        chunking,
        SubagentSpec.BUILT_IN);
  }

  /** The shipped system prompt of a built-in agent. */
  static String prompt(String name) {
    String resource = "prompts/" + name + ".md";
    try (InputStream in = BuiltinSubagents.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " in orca-agent");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
