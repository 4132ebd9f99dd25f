package dev.orca.agent.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds Anthropic Messages API responses for fakes. */
public final class AnthropicJson {
  private static int ids;

  private AnthropicJson() {}

  /** A response with text only. */
  public static String text(String text, int in, int out) {
    ObjectNode msg = base("end_turn", in, out);
    ((ArrayNode) msg.get("content")).addObject().put("type", "text").put("text", text);
    return msg.toString();
  }

  /** A response calling tools: pairs of (name, input JSON object text). */
  public static String toolUse(int in, int out, String... nameAndInput) {
    ObjectNode msg = base("tool_use", in, out);
    ArrayNode content = (ArrayNode) msg.get("content");
    for (int i = 0; i < nameAndInput.length; i += 2) {
      ObjectNode block = content.addObject();
      block.put("type", "tool_use").put("id", "toolu_" + (++ids)).put("name", nameAndInput[i]);
      try {
        block.set("input", FakeProviderServer.JSON.readTree(nameAndInput[i + 1]));
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return msg.toString();
  }

  /** An Anthropic error body. */
  public static String error(String type, String message) {
    ObjectNode e = FakeProviderServer.JSON.createObjectNode().put("type", "error");
    e.putObject("error").put("type", type).put("message", message);
    return e.toString();
  }

  private static ObjectNode base(String stopReason, int in, int out) {
    ObjectNode msg = FakeProviderServer.JSON.createObjectNode();
    msg.put("id", "msg_" + (++ids)).put("type", "message").put("role", "assistant");
    msg.put("model", "claude-test");
    msg.putArray("content");
    msg.put("stop_reason", stopReason);
    msg.putNull("stop_sequence");
    msg.putObject("usage").put("input_tokens", in).put("output_tokens", out);
    return msg;
  }
}
