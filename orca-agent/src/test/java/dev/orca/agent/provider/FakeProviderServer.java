package dev.orca.agent.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local fake of a provider's HTTP API on MockWebServer: answers each request with the next
 * scripted response (fixed or computed from the request body) and records every request.
 */
public final class FakeProviderServer implements AutoCloseable {

  /** A recorded request. */
  public record Seen(String path, String body, java.util.Map<String, String> headers) {
    /** The body as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final BlockingQueue<Function<JsonNode, MockResponse>> script =
      new LinkedBlockingQueue<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  /** Starts the server. */
  public FakeProviderServer() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String body = request.getBody().readUtf8();
            java.util.Map<String, String> headers =
                new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.getHeaders().forEach(p -> headers.put(p.getFirst(), p.getSecond()));
            seen.add(new Seen(request.getPath(), body, headers));
            Function<JsonNode, MockResponse> next = script.poll();
            if (next == null) {
              return new MockResponse()
                  .setResponseCode(500)
                  .setBody("{\"error\":\"script exhausted\"}");
            }
            JsonNode json;
            try {
              json = JSON.readTree(body);
            } catch (IOException e) {
              json = JSON.nullNode();
            }
            return next.apply(json);
          }
        });
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The base URL with a path, e.g. {@code /v1/}. */
  public String url(String path) {
    return server.url(path).toString();
  }

  /** Queues a fixed response. */
  public FakeProviderServer enqueue(MockResponse response) {
    script.add(body -> response);
    return this;
  }

  /** Queues a response computed from the request's JSON body. */
  public FakeProviderServer enqueue(Function<JsonNode, MockResponse> response) {
    script.add(response);
    return this;
  }

  /** A JSON response. */
  public static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("content-type", "application/json")
        .setBody(body);
  }

  /** The requests seen so far. */
  public List<Seen> requests() {
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      // best effort
    }
  }
}
