package dev.orca.kernel.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A kernel JVM started ahead of time, so that a restore (a session load) or a restart after a death
 * takes it instead of waiting for a new JVM. Once started, the spare is told to train its JIT on
 * throwaway engines (the kernel agent's {@code Warmup}) until its first real request, so its first
 * restore does not run cold either.
 *
 * <p>A spare is started a while after it is asked for, and only while the kernel it stands in for
 * is idle (no cell running), so it never competes with the user's work for the processors. It holds
 * no state: it is exactly what a fresh start would give. Thread-safe.
 */
public final class SpareChild implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SpareChild.class.getName());

  /** Starts spares one at a time for all kernels of this process, on a long-lived thread. */
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "orca-kernel-spare");
            t.setDaemon(true);
            return t;
          });

  private final Supplier<ChildProcess> launch;
  private final BooleanSupplier idle;
  private final Duration delay;

  /** The spare: on its way or ready; null when there is none. Guarded by this. */
  private CompletableFuture<ChildProcess> spare;

  /** The launch of {@link #spare} while it has not begun. Guarded by this. */
  private ScheduledFuture<?> scheduled;

  private boolean closed;

  /**
   * Creates the holder; no spare is started until {@link #replenish()}.
   *
   * @param launch starts a kernel JVM and waits until it is ready
   * @param idle whether the kernel the spare stands in for is idle; a launch waits until it is
   * @param delay how long after {@link #replenish()} (and between idle checks) a launch begins
   */
  public SpareChild(Supplier<ChildProcess> launch, BooleanSupplier idle, Duration delay) {
    this.launch = launch;
    this.idle = idle;
    this.delay = delay;
  }

  /** Arranges for a spare to be started, unless one is ready or on its way. */
  public synchronized void replenish() {
    if (closed || spare != null) {
      return;
    }
    CompletableFuture<ChildProcess> next = new CompletableFuture<>();
    spare = next;
    schedule(next);
  }

  private void schedule(CompletableFuture<ChildProcess> next) {
    scheduled = TIMER.schedule(() -> begin(next), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void begin(CompletableFuture<ChildProcess> next) {
    synchronized (this) {
      if (closed || spare != next) {
        // Taken or closed before its launch began: whoever took it starts a kernel itself.
        next.cancel(false);
        return;
      }
      if (!idle.getAsBoolean()) {
        schedule(next);
        return;
      }
      scheduled = null;
    }
    try {
      ChildProcess child = launch.get();
      ObjectNode warmup = JsonNodeFactory.instance.objectNode();
      warmup.put("op", "warmup");
      child.send(warmup);
      if (!next.complete(child)) {
        child.close();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "the spare kernel did not start", e);
      next.completeExceptionally(e);
    }
    synchronized (this) {
      if (closed) {
        closeQuietly(next);
      }
    }
  }

  /**
   * Takes the spare, if there is one that is running or already starting (then waits for it). A
   * spare whose launch has not begun is cancelled, and a dead or failed one is discarded: then the
   * caller starts a kernel itself.
   *
   * @param wait how long to wait for a spare that is starting
   * @return the spare, ready for requests, or empty
   */
  public Optional<ChildProcess> take(Duration wait) {
    CompletableFuture<ChildProcess> taken;
    ScheduledFuture<?> pending;
    synchronized (this) {
      taken = spare;
      pending = scheduled;
      spare = null;
      scheduled = null;
    }
    if (taken == null || pending != null && pending.cancel(false)) {
      return Optional.empty();
    }
    try {
      ChildProcess child = taken.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      if (child.alive()) {
        return Optional.of(child);
      }
      child.kill();
    } catch (TimeoutException e) {
      closeQuietly(taken);
    } catch (ExecutionException | CancellationException e) {
      LOG.log(Level.FINE, "no spare kernel", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(taken);
    }
    return Optional.empty();
  }

  /** Whether a spare is running and ready to be taken. For tests and diagnostics. */
  public synchronized boolean ready() {
    CompletableFuture<ChildProcess> s = spare;
    return s != null && s.isDone() && !s.isCompletedExceptionally() && s.join().alive();
  }

  /** Whether a spare is ready and its JIT training ran to the end. For benchmarks and tests. */
  public synchronized boolean trained() {
    return ready() && spare.join().trained();
  }

  /** The spare's process id, or -1 when none is ready. For tests and diagnostics. */
  public synchronized long pid() {
    return ready() ? spare.join().pid() : -1;
  }

  /** Stops the spare, now or as soon as its launch ends. */
  @Override
  public void close() {
    CompletableFuture<ChildProcess> s;
    synchronized (this) {
      closed = true;
      s = spare;
      spare = null;
      if (scheduled != null) {
        scheduled.cancel(false);
        scheduled = null;
      }
    }
    if (s != null) {
      closeQuietly(s);
    }
  }

  private static void closeQuietly(CompletableFuture<ChildProcess> future) {
    future.thenAccept(
        child -> {
          try {
            child.close();
          } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing the spare kernel", e);
          }
        });
  }
}
