package dev.orca.agent.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds OpenAI Chat Completions responses for fakes. */
public final class OpenAiJson {
  private static int ids;

  private OpenAiJson() {}

  /** A text answer. */
  public static String text(String text, int in, int out) {
    ObjectNode r = base(in, out);
    ObjectNode choice = ((ArrayNode) r.get("choices")).addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", text);
    return r.toString();
  }

  /** Tool calls: pairs of (name, arguments JSON text). */
  public static String toolCalls(int in, int out, String... nameAndArgs) {
    ObjectNode r = base(in, out);
    ObjectNode choice = ((ArrayNode) r.get("choices")).addObject();
    choice.put("index", 0).put("finish_reason", "tool_calls");
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    message.putNull("content");
    ArrayNode calls = message.putArray("tool_calls");
    for (int i = 0; i < nameAndArgs.length; i += 2) {
      ObjectNode c = calls.addObject().put("id", "call_" + (++ids)).put("type", "function");
      c.putObject("function").put("name", nameAndArgs[i]).put("arguments", nameAndArgs[i + 1]);
    }
    return r.toString();
  }

  /** An OpenAI error body. */
  public static String error(String message) {
    ObjectNode e = FakeProviderServer.JSON.createObjectNode();
    e.putObject("error").put("message", message).put("type", "invalid_request_error");
    return e.toString();
  }

  private static ObjectNode base(int in, int out) {
    ObjectNode r = FakeProviderServer.JSON.createObjectNode();
    r.put("id", "chatcmpl-" + (++ids)).put("object", "chat.completion").put("created", 1);
    r.put("model", "gpt-test");
    r.putArray("choices");
    r.putObject("usage")
        .put("prompt_tokens", in)
        .put("completion_tokens", out)
        .put("total_tokens", in + out);
    return r;
  }
}
