package dev.orca.agent.subagent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;

/**
 * What one sub-agent call returned.
 *
 * @param agent the sub-agent's name
 * @param result its answer: a JSON string for text agents, a JSON value for JSON agents
 * @param inputTokens input tokens over all its model requests
 * @param outputTokens output tokens over all its model requests
 * @param requests model requests sent
 * @param chunks parts the data was cut into (1 when it fit one call)
 * @param latency wall time of the call
 */
public record SubagentResult(
    String agent,
    JsonNode result,
    long inputTokens,
    long outputTokens,
    int requests,
    int chunks,
    Duration latency) {

  /** Validates. */
  public SubagentResult {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(latency, "latency");
  }

  /** Input plus output tokens. */
  public long tokens() {
    return inputTokens + outputTokens;
  }

  /** The result as text: the string itself for text agents, compact JSON otherwise. */
  public String text() {
    return result.isTextual() ? result.asText() : result.toString();
  }
}
