package dev.orca.agent.provider.internal;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import java.time.Duration;

/** Builds {@link RetryAfterHttpClient}s; handed to LangChain4j model builders. */
public final class RetryAfterHttpClientBuilder implements HttpClientBuilder {
  private Duration connectTimeout;
  private Duration readTimeout;

  @Override
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public HttpClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = timeout;
    return this;
  }

  @Override
  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public HttpClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = timeout;
    return this;
  }

  @Override
  public HttpClient build() {
    HttpClient streaming =
        JdkHttpClient.builder().connectTimeout(connectTimeout).readTimeout(readTimeout).build();
    return new RetryAfterHttpClient(connectTimeout, readTimeout, streaming);
  }
}
