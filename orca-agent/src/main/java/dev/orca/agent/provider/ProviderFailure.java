package dev.orca.agent.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.orca.agent.provider.internal.ProviderHttpException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * What a failed model call means for Orca: whether to retry, wait, or stop with a clear message.
 *
 * @param kind the failure's class
 * @param status the HTTP status, or 0 when the failure was not an HTTP response
 * @param retryAfter the server's requested delay, or {@code null}
 * @param detail a short description (never holds a key: the caller redacts)
 */
public record ProviderFailure(Kind kind, int status, Duration retryAfter, String detail) {

  /** Failure classes. */
  public enum Kind {
    /** Rate limit, overload (529), 5xx, timeout, reset connection: retry with backoff. */
    TRANSIENT,
    /** 401/403: the key is missing, wrong or lacks access. */
    AUTHENTICATION,
    /** 404 for the model, an unresolvable host: the configuration is wrong. */
    CONFIGURATION,
    /** 400 and other 4xx: the request itself was refused. */
    INVALID_REQUEST,
    /** A response Orca could not read (not JSON, missing fields). */
    MALFORMED_RESPONSE,
    /** Anything else. */
    OTHER
  }

  /** Validates. */
  public ProviderFailure {
    Objects.requireNonNull(kind, "kind");
    detail = detail == null ? "" : detail;
  }

  /** Whether the same request may succeed when sent again. */
  public boolean retriable() {
    return kind == Kind.TRANSIENT;
  }

  /**
   * Classifies a failure thrown by a LangChain4j model or its HTTP client.
   *
   * @param error what was thrown
   * @return its meaning
   */
  public static ProviderFailure classify(Throwable error) {
    ProviderHttpException withHeaders = find(error, ProviderHttpException.class);
    HttpException http = find(error, HttpException.class);
    if (http != null) {
      Duration retryAfter = withHeaders == null ? null : withHeaders.retryAfter();
      return fromStatus(http.statusCode(), retryAfter, http.getMessage());
    }
    if (find(error, AuthenticationException.class) != null) {
      return new ProviderFailure(Kind.AUTHENTICATION, 401, null, message(error));
    }
    if (find(error, RateLimitException.class) != null
        || find(error, InternalServerException.class) != null
        || find(error, TimeoutException.class) != null
        || find(error, HttpTimeoutException.class) != null
        || find(error, java.net.SocketTimeoutException.class) != null
        || find(error, java.net.ConnectException.class) != null
        || find(error, java.net.SocketException.class) != null
        || find(error, java.io.EOFException.class) != null) {
      return new ProviderFailure(Kind.TRANSIENT, 0, null, message(error));
    }
    if (find(error, UnresolvedModelServerException.class) != null
        || find(error, java.net.UnknownHostException.class) != null
        || find(error, java.nio.channels.UnresolvedAddressException.class) != null) {
      return new ProviderFailure(Kind.CONFIGURATION, 0, null, message(error));
    }
    if (find(error, ModelNotFoundException.class) != null) {
      return new ProviderFailure(Kind.CONFIGURATION, 404, null, message(error));
    }
    if (find(error, InvalidRequestException.class) != null) {
      return new ProviderFailure(Kind.INVALID_REQUEST, 400, null, message(error));
    }
    if (find(error, JsonProcessingException.class) != null
        || find(error, NullPointerException.class) != null
        || find(error, ClassCastException.class) != null) {
      return new ProviderFailure(Kind.MALFORMED_RESPONSE, 0, null, message(error));
    }
    if (find(error, UncheckedIOException.class) != null || find(error, IOException.class) != null) {
      return new ProviderFailure(Kind.TRANSIENT, 0, null, message(error));
    }
    return new ProviderFailure(Kind.OTHER, 0, null, message(error));
  }

  /**
   * Classifies an HTTP status.
   *
   * @param status the status
   * @param retryAfter the server's requested delay, or {@code null}
   * @param body the response body
   * @return its meaning
   */
  public static ProviderFailure fromStatus(int status, Duration retryAfter, String body) {
    Kind kind;
    if (status == 401 || status == 403) {
      kind = Kind.AUTHENTICATION;
    } else if (status == 404) {
      kind = Kind.CONFIGURATION;
    } else if (status == 408 || status == 409 || status == 425 || status == 429 || status >= 500) {
      kind = Kind.TRANSIENT;
    } else {
      kind = Kind.INVALID_REQUEST;
    }
    return new ProviderFailure(kind, status, retryAfter, body);
  }

  private static String message(Throwable error) {
    Throwable t = error;
    String last = error.toString();
    while (t != null) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        last = t.getClass().getSimpleName() + ": " + t.getMessage();
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return last;
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    Throwable t = error;
    int depth = 0;
    while (t != null && depth++ < 20) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return null;
  }
}
