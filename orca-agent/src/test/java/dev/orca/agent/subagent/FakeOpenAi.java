package dev.orca.agent.subagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A fake of the OpenAI Chat Completions API for MockWebServer: answers each request with a function
 * of its JSON body (return {@code null} for an HTTP 500), records every request body and header,
 * and the most requests it handled at once.
 */
final class FakeOpenAi extends Dispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Answer this to get an HTTP 429 with {@code retry-after: 1}. */
  static final String RATE_LIMITED = "__429__";

  private final Function<JsonNode, String> answer;
  private final long delayMillis;
  final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  final List<String> rawBodies = new CopyOnWriteArrayList<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();

  FakeOpenAi(Function<JsonNode, String> answer, long delayMillis) {
    this.answer = answer;
    this.delayMillis = delayMillis;
  }

  /** The text of the last user message of a request body. */
  static String lastUser(JsonNode body) {
    String text = "";
    for (JsonNode m : body.path("messages")) {
      if (m.path("role").asText().equals("user")) {
        text =
            m.path("content").isTextual()
                ? m.path("content").asText()
                : m.path("content").toString();
      }
    }
    return text;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      arrivals.add(System.nanoTime());
      String raw = request.getBody().readUtf8();
      rawBodies.add(raw);
      authorizations.add(String.valueOf(request.getHeader("Authorization")));
      JsonNode body = JSON.readTree(raw);
      bodies.add(body);
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      String text = answer.apply(body);
      if (RATE_LIMITED.equals(text)) {
        return new MockResponse()
            .setResponseCode(429)
            .setHeader("Content-Type", "application/json")
            .setHeader("retry-after", "1")
            .setBody("{\"error\":{\"message\":\"rate limited\",\"type\":\"rate_limit\"}}");
      }
      if (text == null) {
        return new MockResponse()
            .setResponseCode(500)
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"error\":{\"message\":\"planted server error\",\"type\":\"server_error\"}}");
      }
      ObjectNode out = JSON.createObjectNode();
      out.put("id", "chatcmpl-" + now);
      out.put("object", "chat.completion");
      out.put("created", 1_700_000_000L);
      out.put("model", body.path("model").asText("gpt-test"));
      ObjectNode choice = out.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", text);
      choice.put("finish_reason", "stop");
      int prompt = raw.length() / 4;
      int completion = Math.max(1, text.length() / 4);
      out.putObject("usage")
          .put("prompt_tokens", prompt)
          .put("completion_tokens", completion)
          .put("total_tokens", prompt + completion);
      return new MockResponse()
          .setHeader("Content-Type", "application/json")
          .setBody(JSON.writeValueAsString(out));
    } catch (java.io.IOException e) {
      return new MockResponse().setResponseCode(400).setBody(e.toString());
    } finally {
      inFlight.decrementAndGet();
    }
  }
}
