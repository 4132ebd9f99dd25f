package dev.orca.agent.subagent;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a sub-agent's model requests are retried on transient failures (HTTP 408, 429, 5xx, timeouts,
 * refused or reset connections): exponential backoff with full jitter.
 *
 * @param maxAttempts attempts per request including the first, at least 1
 * @param initialDelay delay before the second attempt
 * @param maxDelay cap on any one delay
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

  /** Four attempts, 500 ms doubling up to 8 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));

  /** Validates. */
  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw new IllegalArgumentException("maxAttempts must be within [1, 20]: " + maxAttempts);
    }
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "delays must satisfy 0 <= initialDelay <= maxDelay: " + initialDelay + ", " + maxDelay);
    }
  }

  /** A policy that never retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /**
   * The delay before attempt {@code attempt + 1}, with jitter: uniformly random in [d/2, d] where d
   * is {@code initialDelay * 2^(attempt-1)} capped at {@code maxDelay}.
   *
   * @param attempt the attempt that just failed, 1-based
   * @return the delay
   */
  public Duration delayAfter(int attempt) {
    long base = initialDelay.toMillis();
    long capped = Math.min(maxDelay.toMillis(), base << Math.min(attempt - 1, 20));
    if (capped <= 1) {
      return Duration.ofMillis(capped);
    }
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }
}
