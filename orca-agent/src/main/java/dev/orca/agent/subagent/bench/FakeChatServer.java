package dev.orca.agent.subagent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local fake of the OpenAI Chat Completions API for benchmarks: answers every request after a
 * fixed delay (the "model latency") with a short summary, and records how long it held each request
 * and what it received. Loopback only.
 */
public final class FakeChatServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Duration delay;
  private final List<Long> handlingNanos = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();

  private FakeChatServer(Duration delay, int threads) throws IOException {
    this.delay = delay;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    this.executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  /**
   * Starts a server.
   *
   * @param delay how long each answer takes
   * @param threads requests served at once
   * @return the running server
   * @throws IOException when no loopback port can be bound
   */
  public static FakeChatServer start(Duration delay, int threads) throws IOException {
    return new FakeChatServer(delay, threads);
  }

  /** The base URL for an OpenAI client, ending in {@code /v1/}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
  }

  /** Nanoseconds from receiving each request to starting its answer (the delay included). */
  public List<Long> handlingNanos() {
    return List.copyOf(handlingNanos);
  }

  /** The request bodies received, in arrival order. */
  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  /** Forgets what was recorded. */
  public void reset() {
    handlingNanos.clear();
    bodies.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long t0 = System.nanoTime();
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      bodies.add(body);
      JsonNode request = JSON.readTree(body);
      Thread.sleep(delay.toMillis());
      ObjectNode out = JSON.createObjectNode();
      out.put("id", "chatcmpl-bench");
      out.put("object", "chat.completion");
      out.put("created", 1_700_000_000L);
      out.put("model", request.path("model").asText("bench"));
      ObjectNode choice = out.putArray("choices").addObject();
      choice.put("index", 0);
      choice
          .putObject("message")
          .put("role", "assistant")
          .put(
              "content", "A summary: the speakers discussed the plan, agreed on dates and owners.");
      choice.put("finish_reason", "stop");
      out.putObject("usage")
          .put("prompt_tokens", body.length() / 4)
          .put("completion_tokens", 16)
          .put("total_tokens", body.length() / 4 + 16);
      byte[] bytes = JSON.writeValueAsBytes(out);
      handlingNanos.add(System.nanoTime() - t0);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
