package dev.orca.kernel.bench;

import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.kernel.SandboxMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures the kernel (issue 2 and 3 figures): start (process start to first result), warm
 * execution of a trivial expression and of a 1M-element stream sum, and inspection of a 1M-row
 * table, for one sandbox mode. Run both modes in one process to compare them.
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
   * @param layers the layers that were active
   * @param start process start to the first result of {@code 1 + 1}
   * @param trivial warm {@code 1 + 1}
   * @param streamSum warm sum over a 1M-element stream
   * @param inspectTable {@code inspect} of a 1M-row table
   */
  public record Result(
      SandboxMode mode,
      List<String> layers,
      LatencyStats start,
      LatencyStats trivial,
      LatencyStats streamSum,
      LatencyStats inspectTable) {}

  /** Runs every measurement for one mode. */
  public Result run(SandboxMode mode) {
    KernelOptions options = KernelOptions.defaults(workspace).withSandbox(mode);
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
      List<String> layers = kernel.info().sandboxLayers();
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
      return new Result(mode, layers, LatencyStats.ofNanos(startTimes), trivial, sum, inspectStats);
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
