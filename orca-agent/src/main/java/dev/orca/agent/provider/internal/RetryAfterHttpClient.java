package dev.orca.agent.provider.internal;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A LangChain4j {@link HttpClient} on {@code java.net.http} whose errors keep the server's {@code
 * retry-after} ({@link ProviderHttpException}). Streaming requests go to LangChain4j's own JDK
 * client.
 */
public final class RetryAfterHttpClient implements HttpClient {

  private static final Set<String> RESTRICTED =
      Set.of("content-length", "host", "connection", "expect", "upgrade");

  private final java.net.http.HttpClient client;
  private final Duration readTimeout;
  private final HttpClient streaming;

  RetryAfterHttpClient(Duration connectTimeout, Duration readTimeout, HttpClient streaming) {
    java.net.http.HttpClient.Builder b =
        java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1);
    if (connectTimeout != null) {
      b.connectTimeout(connectTimeout);
    }
    this.client = b.build();
    this.readTimeout = readTimeout;
    this.streaming = streaming;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    java.net.http.HttpRequest.Builder b =
        java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
    if (readTimeout != null) {
      b.timeout(readTimeout);
    }
    for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
      if (RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String v : h.getValue()) {
        b.header(h.getKey(), v);
      }
    }
    String body = request.body();
    java.net.http.HttpRequest.BodyPublisher publisher =
        body == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body);
    b.method(request.method().name(), publisher);
    HttpResponse<String> response;
    try {
      response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the model", e);
    }
    Map<String, List<String>> headers = response.headers().map();
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      throw new ProviderHttpException(
          status, response.body(), RetryAfter.parse(headers, Instant.now()));
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(status)
        .headers(headers)
        .body(response.body())
        .build();
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    streaming.execute(request, parser, listener);
  }
}
