package dev.orca.kernel.bench;

import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.kernel.SandboxMode;
import dev.orca.kernel.cds.StartupCache;
import dev.orca.kernel.internal.KernelLauncher;
import dev.orca.kernel.sandbox.OsSandbox;
import dev.orca.kernel.sandbox.OsSandboxes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Measures the kernel (issue 2 and 3 figures): start (process start to first result), warm
 * execution of a trivial expression and of a 1M-element stream sum, and inspection of a 1M-row
 * table, for one sandbox mode. Run both modes in one process to compare them.
 *
 * <p>With the start-up cache on (the default), its entries for the mode (runtime image, CDS
 * archive) are built before the starts are timed, so that the figures are those of every start but
 * the first; with it off ({@code -Dorca.kernel.cds=off}) the starts are those without it.
 */
public final class KernelBenchmark {
  private final Path workspace;
  private final int starts;
  private final int iterations;
  private final Consumer<String> progress;

  /**
   * Creates the benchmark.
   *
   * @param workspace where the kernels work
   * @param starts how many kernel starts to time
   * @param iterations how many warm executions per measurement
   * @param progress receives one line per step
   */
  public KernelBenchmark(Path workspace, int starts, int iterations, Consumer<String> progress) {
    this.workspace = workspace;
    this.starts = starts;
    this.iterations = iterations;
    this.progress = progress;
  }

  /**
   * Figures for one sandbox mode.
   *
   * @param mode the sandbox mode measured
   * @param cds whether the start-up cache was on
   * @param cdsUsed what class-data sharing the measured kernels got (and whether the archive was
   *     mapped)
   * @param layers the layers that were active
   * @param start process start to the first result of {@code 1 + 1}
   * @param trivial warm {@code 1 + 1}
   * @param streamSum warm sum over a 1M-element stream
   * @param inspectTable {@code inspect} of a 1M-row table
   */
  public record Result(
      SandboxMode mode,
      boolean cds,
      String cdsUsed,
      List<String> layers,
      LatencyStats start,
      LatencyStats trivial,
      LatencyStats streamSum,
      LatencyStats inspectTable) {}

  /** Runs every measurement for one mode. */
  public Result run(SandboxMode mode) {
    KernelOptions options = KernelOptions.defaults(workspace).withSandbox(mode);
    boolean cds = StartupCache.enabled();
    if (cds) {
      prepare(options, mode);
    }
    List<Long> startTimes = new ArrayList<>();
    for (int i = 0; i < starts; i++) {
      long t0 = System.nanoTime();
      try (JShellKernel kernel = JShellKernel.start(options)) {
        expectSuccess(kernel.execute("1 + 1"));
        startTimes.add(System.nanoTime() - t0);
      }
      progress.accept(mode + ": start " + (i + 1) + "/" + starts);
    }
    try (JShellKernel kernel = JShellKernel.start(options)) {
      List<String> layers = new ArrayList<>();
      String cdsUsed = "";
      for (String layer : kernel.info().sandboxLayers()) {
        if (layer.startsWith(StartupCache.LAYER)) {
          cdsUsed = layer.substring(StartupCache.LAYER.length()).strip();
        } else {
          layers.add(layer);
        }
      }
      LatencyStats trivial = time(kernel, "1 + 1", iterations);
      progress.accept(mode + ": trivial " + trivial.describe());
      LatencyStats sum =
          time(kernel, "LongStream.range(0, 1_000_000).map(i -> i * 2).sum()", iterations);
      progress.accept(mode + ": stream sum " + sum.describe());
      expectSuccess(
          kernel.execute(
              "Table big = Table.create(\"big\","
                  + " IntColumn.create(\"id\", IntStream.range(0, 1_000_000).toArray()),"
                  + " DoubleColumn.create(\"v\", IntStream.range(0, 1_000_000).mapToDouble(i -> i"
                  + " * 0.5).toArray()));"));
      List<Long> inspect = new ArrayList<>();
      for (int i = 0; i < iterations; i++) {
        long t0 = System.nanoTime();
        kernel.inspect("big");
        inspect.add(System.nanoTime() - t0);
      }
      LatencyStats inspectStats = LatencyStats.ofNanos(inspect);
      progress.accept(mode + ": inspect 1M-row table " + inspectStats.describe());
      return new Result(
          mode, cds, cdsUsed, layers, LatencyStats.ofNanos(startTimes), trivial, sum, inspectStats);
    }
  }

  /** Builds the start-up cache's entries for this mode, if missing, before anything is timed. */
  private void prepare(KernelOptions options, SandboxMode mode) {
    OsSandbox os = mode == SandboxMode.OFF ? OsSandbox.NONE : OsSandboxes.detect();
    long t0 = System.nanoTime();
    try {
      StartupCache.Plan plan =
          new KernelLauncher(options, os).prepareStartupCache().get(20, TimeUnit.MINUTES);
      progress.accept(
          mode
              + ": start-up cache ready after "
              + (System.nanoTime() - t0) / 1_000_000
              + " ms: "
              + plan.cdsNote());
    } catch (ExecutionException | TimeoutException e) {
      progress.accept(mode + ": start-up cache not ready (" + e + "); measuring without it");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing the start-up cache", e);
    }
  }

  private static LatencyStats time(JShellKernel kernel, String code, int n) {
    for (int i = 0; i < 3; i++) {
      expectSuccess(kernel.execute(code));
    }
    List<Long> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      expectSuccess(kernel.execute(code));
      samples.add(System.nanoTime() - t0);
    }
    return LatencyStats.ofNanos(samples);
  }

  private static void expectSuccess(ExecutionResult result) {
    if (!(result instanceof ExecutionResult.Success)) {
      throw new IllegalStateException("benchmark cell failed: " + result);
    }
  }
}
