package dev.orca.agent.provider;

import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaException;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Runs model calls with Orca's retry rules: transient failures are retried with exponential backoff
 * and jitter (or the server's {@code retry-after}); authentication and configuration errors end at
 * once as a {@link ConfigurationException}; everything that finally fails becomes an {@link
 * OrcaException} whose message names the provider and never holds the key.
 */
public final class Retrier {

  /** Told about each retry (for progress output). */
  @FunctionalInterface
  public interface Listener {
    /** No-op. */
    Listener NONE = (attempt, delay, failure) -> {};

    /**
     * A retry is about to happen.
     *
     * @param attempt the attempt that failed (1-based)
     * @param delay how long Orca waits before the next one
     * @param failure why the attempt failed
     */
    void retrying(int attempt, Duration delay, ProviderFailure failure);
  }

  private final ModelSettings settings;
  private final Sleeper sleeper;
  private final Random random;
  private final Listener listener;

  /**
   * Creates a retrier.
   *
   * @param settings the provider settings (retry policy, names for messages, the key to redact)
   * @param sleeper how to wait
   * @param random jitter source
   * @param listener told about retries
   */
  public Retrier(ModelSettings settings, Sleeper sleeper, Random random, Listener listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Runs one call with retries.
   *
   * @param attempt the call
   * @param <T> its result
   * @return the first successful result
   * @throws ConfigurationException on authentication and configuration errors
   * @throws OrcaException when the call fails for good
   */
  public <T> T call(Supplier<T> attempt) {
    RetryPolicy policy = settings.retry();
    for (int n = 1; ; n++) {
      try {
        return attempt.get();
      } catch (OrcaException e) {
        throw e;
      } catch (RuntimeException e) {
        ProviderFailure failure = ProviderFailure.classify(e);
        if (!failure.retriable() || n >= policy.maxAttempts()) {
          throw toException(failure, n, e);
        }
        Duration delay = failure.retryAfter();
        if (delay != null && delay.compareTo(policy.maxRetryAfter()) > 0) {
          throw toException(
              new ProviderFailure(
                  failure.kind(),
                  failure.status(),
                  delay,
                  failure.detail() + " (the server asked to wait " + delay.toSeconds() + " s)"),
              n,
              e);
        }
        if (delay == null) {
          delay = policy.backoff(n, random.nextDouble());
        }
        listener.retrying(n, delay, redacted(failure));
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new OrcaException("Interrupted while waiting to retry the model call.", false, ie);
        }
      }
    }
  }

  private ProviderFailure redacted(ProviderFailure f) {
    return new ProviderFailure(f.kind(), f.status(), f.retryAfter(), clean(f.detail()));
  }

  private String clean(String text) {
    String t = Secrets.redact(text, settings.apiKey());
    t = t == null ? "" : t.replaceAll("\\s+", " ").trim();
    return t.length() > 400 ? t.substring(0, 400) + "…" : t;
  }

  /**
   * The exception for a failure that is not retried (further).
   *
   * @param failure the classified failure
   * @param attempts how many attempts were made
   * @param cause the original error (kept as the cause only when it holds no key)
   * @return the exception to throw
   */
  OrcaException toException(ProviderFailure failure, int attempts, Throwable cause) {
    String who = settings.provider().id() + " (" + settings.label() + ")";
    String where = settings.baseUrl() == null ? "" : " at " + settings.baseUrl();
    String status = failure.status() > 0 ? "HTTP " + failure.status() : "no HTTP status";
    String detail = clean(failure.detail());
    Throwable safeCause = cause;
    if (settings.apiKey() != null && String.valueOf(cause).contains(settings.apiKey())) {
      safeCause = null;
    }
    switch (failure.kind()) {
      case AUTHENTICATION:
        return new ConfigurationException(
            "The "
                + settings.provider().id()
                + " API refused the request ("
                + status
                + ": authentication or permission error)"
                + where
                + ". "
                + keyHint(),
            null);
      case CONFIGURATION:
        return new ConfigurationException(
            "The model "
                + settings.label()
                + " is not reachable as configured"
                + where
                + " ("
                + status
                + "; "
                + detail
                + "). Check the model name (--model provider:name), --base-url and"
                + " config.toml.",
            null);
      case INVALID_REQUEST:
        return new OrcaException(
            who + " refused the request (" + status + "): " + detail, false, safeCause);
      case MALFORMED_RESPONSE:
        return new OrcaException(
            who
                + " sent a response Orca could not read"
                + where
                + " ("
                + detail
                + "). Is --base-url pointing at a "
                + settings.provider().id()
                + "-compatible API?",
            false,
            safeCause);
      case TRANSIENT:
        return new OrcaException(
            who
                + " failed after "
                + attempts
                + " attempt(s) ("
                + status
                + "; "
                + detail
                + "). The provider may be overloaded or unreachable; try again later.",
            true,
            safeCause);
      default:
        return new OrcaException(who + " call failed: " + detail, false, safeCause);
    }
  }

  private String keyHint() {
    if (settings.provider().keyVariables().isEmpty()) {
      return "Check the server's access settings.";
    }
    return "Check that "
        + String.join(" or ", settings.provider().keyVariables())
        + " holds a valid key with access to "
        + settings.modelName()
        + ".";
  }
}
