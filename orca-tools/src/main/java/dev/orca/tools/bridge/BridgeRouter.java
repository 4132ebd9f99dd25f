package dev.orca.tools.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orca.core.OrcaException;
import dev.orca.kernel.KernelBridge;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The host side of the kernel bridge: maps each built-in's method name to a {@link BridgeHandler}.
 *
 * <p>Every call runs on its own thread (a virtual thread where the JDK has them, found by
 * reflection so the code still runs on 17), at most {@link Settings#maxConcurrent()} at once; more
 * wait their turn. A call that runs longer than its timeout is interrupted and fails; {@link
 * #cancelAll()} (sent when a cell is stopped) interrupts every running call. An unknown method or a
 * failing handler becomes an {@link OrcaException} whose message the kernel code sees.
 */
public final class BridgeRouter implements KernelBridge, AutoCloseable {

  /**
   * Limits.
   *
   * @param maxConcurrent how many calls may run at once
   * @param callTimeout how long one call may run (queueing included)
   */
  public record Settings(int maxConcurrent, Duration callTimeout) {
    /** Validates. */
    public Settings {
      if (maxConcurrent < 1) {
        throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
      }
      Objects.requireNonNull(callTimeout, "callTimeout");
      if (callTimeout.isNegative() || callTimeout.isZero()) {
        throw new IllegalArgumentException("callTimeout must be positive: " + callTimeout);
      }
    }

    /** 32 concurrent calls, 60 s each (a cell's own longest run). */
    public static Settings defaults() {
      return new Settings(32, Duration.ofSeconds(60));
    }
  }

  private final Map<String, BridgeHandler> handlers = new ConcurrentHashMap<>();
  private volatile Supplier<? extends CompletableFuture<?>> registration =
      () -> CompletableFuture.completedFuture(null);
  private final Set<Future<?>> running = ConcurrentHashMap.newKeySet();
  private final Settings settings;
  private final Semaphore permits;
  private final ExecutorService executor;
  private final boolean virtualThreads;

  /** A router with {@link Settings#defaults()}. */
  public BridgeRouter() {
    this(Settings.defaults());
  }

  /**
   * A router.
   *
   * @param settings limits
   */
  public BridgeRouter(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.permits = new Semaphore(settings.maxConcurrent(), true);
    ExecutorService virtual = virtualThreadExecutor();
    this.virtualThreads = virtual != null;
    this.executor = virtual != null ? virtual : Executors.newCachedThreadPool(daemonThreads());
  }

  /**
   * Registers (or replaces) the handler of a built-in.
   *
   * @param method the built-in's name, e.g. {@code callSubagent}
   * @param handler answers its calls
   * @return this router
   */
  public BridgeRouter register(String method, BridgeHandler handler) {
    if (method == null || method.isBlank()) {
      throw new IllegalArgumentException("method must not be blank");
    }
    handlers.put(method, Objects.requireNonNull(handler, "handler"));
    return this;
  }

  /**
   * Makes {@link #call} and {@link #methods()} wait until handlers registered in the background are
   * in place: a program can answer its client while its services start, and a call that arrives
   * meanwhile waits instead of failing as unknown. When the registration fails, calls of methods
   * that did not get a handler fail with its reason. {@link #register} never waits.
   *
   * @param pending starts the registration if it has not started (so that a call never waits for
   *     something nobody started) and returns it; it completes when every handler is registered
   * @return this router
   */
  public BridgeRouter registeredWhen(Supplier<? extends CompletableFuture<?>> pending) {
    this.registration = Objects.requireNonNull(pending, "pending");
    return this;
  }

  /** The registered method names, sorted (after a pending registration has finished). */
  public Set<String> methods() {
    awaitRegistration();
    return new TreeSet<>(handlers.keySet());
  }

  /** Waits for a pending registration; returns its failure, or {@code null}. */
  private Throwable awaitRegistration() {
    try {
      registration.get().join();
      return null;
    } catch (CompletionException e) {
      return e.getCause() == null ? e : e.getCause();
    } catch (CancellationException e) {
      return e;
    }
  }

  /** Whether calls run on virtual threads (JDK 21+). */
  public boolean usesVirtualThreads() {
    return virtualThreads;
  }

  /** The number of calls running or waiting for a permit now. */
  public int inFlight() {
    return running.size();
  }

  @Override
  public JsonNode call(String method, JsonNode args) {
    Throwable registrationFailure = awaitRegistration();
    BridgeHandler handler = handlers.get(method);
    if (handler == null && registrationFailure != null) {
      throw OrcaException.configuration(
          method
              + " is unavailable: Orca's host services failed to start: "
              + registrationFailure.getMessage());
    }
    if (handler == null) {
      throw OrcaException.invalid(
          "Unknown built-in '" + method + "'. Available: " + String.join(", ", methods()) + ".");
    }
    JsonNode arguments =
        args == null || args.isNull() ? JsonNodeFactory.instance.objectNode() : args;
    long deadline = System.nanoTime() + settings.callTimeout().toNanos();
    Future<JsonNode> future;
    try {
      future =
          executor.submit(
              () -> {
                long wait = deadline - System.nanoTime();
                if (!permits.tryAcquire(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                  throw new TimeoutException("waited for a free slot");
                }
                try {
                  return handler.handle(arguments);
                } finally {
                  permits.release();
                }
              });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw OrcaException.invalid(method + " failed: the bridge is closed.");
    }
    running.add(future);
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw OrcaException.transientFailure(
          method + " did not finish within " + settings.callTimeout().toSeconds() + " s.", null);
    } catch (CancellationException e) {
      throw OrcaException.transientFailure(method + " was cancelled (the cell was stopped).", null);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw OrcaException.transientFailure(method + " was interrupted.", e);
    } catch (ExecutionException e) {
      throw failure(method, e.getCause());
    } finally {
      running.remove(future);
    }
  }

  /** Interrupts every running call (the cell that made them was stopped). Returns at once. */
  public void cancelAll() {
    for (Future<?> f : running) {
      f.cancel(true);
    }
  }

  @Override
  public void close() {
    cancelAll();
    executor.shutdownNow();
  }

  private static OrcaException failure(String method, Throwable cause) {
    if (cause instanceof OrcaException orca) {
      return orca;
    }
    if (cause instanceof TimeoutException) {
      return OrcaException.transientFailure(
          method + " did not start in time: too many calls at once.", cause);
    }
    if (cause instanceof InterruptedException) {
      return OrcaException.transientFailure(method + " was cancelled.", cause);
    }
    return new OrcaException(
        method + " failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
        false,
        cause);
  }

  private static ExecutorService virtualThreadExecutor() {
    try {
      Method m = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) m.invoke(null);
    } catch (ReflectiveOperationException | RuntimeException notAvailable) {
      return null;
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "orca-bridge-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
