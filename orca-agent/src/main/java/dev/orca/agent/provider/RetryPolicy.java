package dev.orca.agent.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * How transient provider failures (429, 529, 5xx, timeouts, connection resets) are retried:
 * exponential backoff with jitter, and the server's {@code retry-after} when it sends one.
 *
 * @param maxAttempts total attempts including the first (1 = no retry)
 * @param initialDelay delay before the first retry
 * @param maxDelay cap on a computed backoff delay
 * @param jitter fraction (0..1) of each delay that is randomized
 * @param maxRetryAfter the longest {@code retry-after} honoured; longer ones end the retries
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialDelay,
    Duration maxDelay,
    double jitter,
    Duration maxRetryAfter) {

  /** Five attempts, 1 s doubling up to 30 s, 20% jitter, retry-after honoured up to 2 minutes. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, Duration.ofMinutes(2));

  /** No retries. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);

  /** Validates. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
    }
  }

  /**
   * The delay before retry number {@code retry} (1-based).
   *
   * @param retry which retry
   * @param random a value in [0, 1) for the jitter
   * @return the delay
   */
  public Duration backoff(int retry, double random) {
    double base = initialDelay.toMillis() * Math.pow(2, Math.max(0, retry - 1));
    base = Math.min(base, maxDelay.toMillis());
    double jittered = base * (1 - jitter + 2 * jitter * random);
    return Duration.ofMillis(Math.max(0, Math.round(jittered)));
  }
}
