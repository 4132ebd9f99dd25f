package dev.orca.kernelagent.guard;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * The thread cap. Kernel code's {@code thread.start()} and the {@link Executors} factories are
 * redirected here; every thread they start counts against {@link GuardLimits#maxThreads()} while it
 * is alive. Parallel streams and {@code CompletableFuture.supplyAsync} run on the common fork-join
 * pool, which the JVM bounds by the number of processors, and are not counted.
 */
public final class ThreadGuard {

  private static final Set<Thread> live = ConcurrentHashMap.newKeySet();

  private ThreadGuard() {}

  /** Threads started by kernel code that are still alive (or about to start). */
  public static int liveCount() {
    live.removeIf(t -> t.getState() == Thread.State.TERMINATED);
    return live.size();
  }

  /**
   * {@code thread.start()} in kernel code.
   *
   * @param thread the thread to start
   * @throws IllegalStateException when kernel code already runs the maximum of threads
   */
  public static void start(Thread thread) {
    admit(thread);
    try {
      thread.start();
    } catch (RuntimeException e) {
      live.remove(thread);
      throw e;
    }
  }

  private static synchronized void admit(Thread thread) {
    int max = GuardConfig.get().limits().maxThreads();
    if (liveCount() >= max) {
      throw new IllegalStateException(
          "thread limit reached: kernel code may run at most "
              + max
              + " threads at once; use fewer threads, a smaller pool, or parallel streams");
    }
    live.add(thread);
  }

  /** A thread factory whose threads count against the cap. */
  public static ThreadFactory counting(ThreadFactory base) {
    GuardConfig.get();
    return runnable -> {
      Thread t = base.newThread(runnable);
      if (t != null) {
        admit(t);
      }
      return t;
    };
  }

  private static ThreadFactory counting() {
    return counting(Executors.defaultThreadFactory());
  }

  /** See {@link Executors#newFixedThreadPool(int)}. */
  public static ExecutorService newFixedThreadPool(int n) {
    return Executors.newFixedThreadPool(n, counting());
  }

  /** See {@link Executors#newFixedThreadPool(int, ThreadFactory)}. */
  public static ExecutorService newFixedThreadPool(int n, ThreadFactory factory) {
    return Executors.newFixedThreadPool(n, counting(factory));
  }

  /** See {@link Executors#newCachedThreadPool()}. */
  public static ExecutorService newCachedThreadPool() {
    return Executors.newCachedThreadPool(counting());
  }

  /** See {@link Executors#newCachedThreadPool(ThreadFactory)}. */
  public static ExecutorService newCachedThreadPool(ThreadFactory factory) {
    return Executors.newCachedThreadPool(counting(factory));
  }

  /** See {@link Executors#newSingleThreadExecutor()}. */
  public static ExecutorService newSingleThreadExecutor() {
    return Executors.newSingleThreadExecutor(counting());
  }

  /** See {@link Executors#newSingleThreadExecutor(ThreadFactory)}. */
  public static ExecutorService newSingleThreadExecutor(ThreadFactory factory) {
    return Executors.newSingleThreadExecutor(counting(factory));
  }

  /** See {@link Executors#newScheduledThreadPool(int)}. */
  public static ScheduledExecutorService newScheduledThreadPool(int n) {
    return Executors.newScheduledThreadPool(n, counting());
  }

  /** See {@link Executors#newScheduledThreadPool(int, ThreadFactory)}. */
  public static ScheduledExecutorService newScheduledThreadPool(int n, ThreadFactory factory) {
    return Executors.newScheduledThreadPool(n, counting(factory));
  }

  /** See {@link Executors#newSingleThreadScheduledExecutor()}. */
  public static ScheduledExecutorService newSingleThreadScheduledExecutor() {
    return Executors.newSingleThreadScheduledExecutor(counting());
  }

  /** See {@link Executors#newSingleThreadScheduledExecutor(ThreadFactory)}. */
  public static ScheduledExecutorService newSingleThreadScheduledExecutor(ThreadFactory factory) {
    return Executors.newSingleThreadScheduledExecutor(counting(factory));
  }

  /** See {@link Executors#newWorkStealingPool()}. */
  public static ExecutorService newWorkStealingPool() {
    return newWorkStealingPool(Runtime.getRuntime().availableProcessors());
  }

  /** See {@link Executors#newWorkStealingPool(int)}. */
  public static ExecutorService newWorkStealingPool(int parallelism) {
    int max = GuardConfig.get().limits().maxThreads();
    if (parallelism > max) {
      throw new IllegalStateException(
          "thread limit reached: kernel code may run at most " + max + " threads at once");
    }
    ForkJoinPool.ForkJoinWorkerThreadFactory factory =
        pool -> {
          ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
          try {
            admit(t);
          } catch (IllegalStateException e) {
            return null;
          }
          return t;
        };
    return new ForkJoinPool(parallelism, factory, null, true);
  }
}
