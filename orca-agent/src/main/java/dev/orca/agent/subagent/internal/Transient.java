package dev.orca.agent.subagent.internal;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import dev.orca.agent.provider.ProviderFailure;
import dev.orca.core.OrcaException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Tells transient model failures (worth retrying) from permanent ones, with the orchestrator's
 * {@link ProviderFailure} classification first (so both retry the same failures, and honour the
 * server's {@code retry-after}).
 */
public final class Transient {

  private Transient() {}

  /**
   * Whether a failure of a model request may go away when retried: LangChain4j's retriable
   * exceptions (429, 5xx, 408, timeouts), HTTP 408/409/425/429/5xx, I/O failures (refused or reset
   * connections, read timeouts) anywhere in the cause chain, and retriable {@link OrcaException}s.
   *
   * @param failure what the request threw
   * @return {@code true} when a retry may succeed
   */
  public static boolean isTransient(Throwable failure) {
    ProviderFailure classified = ProviderFailure.classify(failure);
    if (classified.kind() != ProviderFailure.Kind.OTHER) {
      return classified.retriable();
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RetriableException
          || t instanceof IOException
          || t instanceof HttpTimeoutException
          || t instanceof TimeoutException) {
        return true;
      }
      if (t instanceof HttpException http) {
        int status = http.statusCode();
        return status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
      }
      if (t instanceof OrcaException orca) {
        return orca.retriable();
      }
    }
    return false;
  }

  /**
   * The delay the server asked for ({@code retry-after}), if it sent one.
   *
   * @param failure what the request threw
   * @return the requested delay, or {@code null}
   */
  public static Duration retryAfter(Throwable failure) {
    return ProviderFailure.classify(failure).retryAfter();
  }

  /**
   * A one-line description of a failure for error messages: its type and message, cut to 300
   * characters.
   */
  public static String describe(Throwable failure) {
    Throwable root = failure;
    String message = failure.getMessage();
    while ((message == null || message.isBlank()) && root.getCause() != null) {
      root = root.getCause();
      message = root.getMessage();
    }
    String text = root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    text = text.replaceAll("\\s+", " ");
    return text.length() > 300 ? text.substring(0, 297) + "..." : text;
  }
}
