package dev.orca.agent.provider.internal;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/**
 * An HTTP error from a provider that keeps what LangChain4j's own {@link HttpException} drops: the
 * server's {@code retry-after}. LangChain4j's exception mapping wraps it, so callers find it in the
 * cause chain.
 */
public final class ProviderHttpException extends HttpException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param statusCode the HTTP status
   * @param body the response body
   * @param retryAfter the server's {@code retry-after}, or {@code null}
   */
  public ProviderHttpException(int statusCode, String body, Duration retryAfter) {
    super(statusCode, body);
    this.retryAfter = retryAfter;
  }

  /** The server's {@code retry-after}, or {@code null} when it sent none. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
