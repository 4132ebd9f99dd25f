package dev.orca.agent.provider;

import java.time.Duration;

/** Waits between retries; replaced in tests to record delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps with {@link Thread#sleep}. */
  Sleeper SYSTEM =
      d -> {
        if (!d.isZero() && !d.isNegative()) {
          Thread.sleep(d.toMillis());
        }
      };

  /**
   * Waits.
   *
   * @param delay how long
   * @throws InterruptedException when interrupted
   */
  void sleep(Duration delay) throws InterruptedException;
}
