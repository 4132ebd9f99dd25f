package dev.orca.cli.mcp;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends "still running" progress for long tool calls: after {@code delay}, then every {@code
 * period}, it hands the elapsed seconds to a sink (the MCP progress notification), so that clients
 * do not time out (DESIGN.md §4).
 */
final class ProgressTicker implements AutoCloseable {

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "orca-mcp-progress");
            t.setDaemon(true);
            return t;
          });

  private final ScheduledFuture<?> task;

  /**
   * Starts ticking.
   *
   * @param delayMillis time before the first tick
   * @param periodMillis time between ticks
   * @param sink receives the elapsed whole seconds; exceptions it throws are ignored
   */
  ProgressTicker(long delayMillis, long periodMillis, Consumer<Long> sink) {
    long start = System.nanoTime();
    this.task =
        TIMER.scheduleAtFixedRate(
            () -> {
              try {
                sink.accept(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
              } catch (RuntimeException ignored) {
                // a lost progress notification must never fail the call
              }
            },
            delayMillis,
            periodMillis,
            TimeUnit.MILLISECONDS);
  }

  /** Stops ticking. */
  @Override
  public void close() {
    task.cancel(false);
  }
}
