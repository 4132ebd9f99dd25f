package dev.orca.cli.bench;

import dev.orca.kernel.SandboxMode;
import dev.orca.kernel.bench.KernelBenchmark;
import dev.orca.kernel.bench.LatencyStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orca bench kernel}: kernel start, warm execution and inspection, per sandbox mode. */
@Command(
    name = "kernel",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the kernel: start (process start to first result), warm execute_code p50/p95",
      "for a trivial expression and a 1M-element stream sum, and inspect of a 1M-row table,",
      "with the sandbox off and on, in one run (ratios are on/off)."
    })
public final class KernelBenchCommand implements Callable<Integer> {

  @Option(names = "--starts", description = "Kernel starts to time (default ${DEFAULT-VALUE}).")
  int starts = 5;

  @Option(
      names = "--iterations",
      description = "Warm executions per measurement (default ${DEFAULT-VALUE}).")
  int iterations = 30;

  @Option(
      names = "--modes",
      split = ",",
      description = "Sandbox modes to measure: off, auto, strict (default: off,auto).")
  List<String> modes = List.of("off", "auto");

  @Override
  public Integer call() throws Exception {
    if (starts < 1 || iterations < 1) {
      System.err.println("orca bench kernel: --starts and --iterations must be at least 1");
      return 2;
    }
    Path workspace = Files.createTempDirectory("orca-bench-kernel");
    KernelBenchmark bench =
        new KernelBenchmark(workspace, starts, iterations, line -> System.err.println("  " + line));
    List<KernelBenchmark.Result> results = new ArrayList<>();
    for (String mode : modes) {
      SandboxMode sandbox;
      try {
        sandbox = SandboxMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        System.err.println(
            "orca bench kernel: unknown mode '" + mode + "' (use off, auto, strict)");
        return 2;
      }
      System.err.println("measuring sandbox " + sandbox + " …");
      results.add(bench.run(sandbox));
    }
    System.out.println(
        "| sandbox | kernel start p50 / p95 | trivial `1 + 1` p50 / p95 | 1M stream sum p50 / p95 |"
            + " inspect 1M-row table p50 / p95 |");
    System.out.println("| --- | --- | --- | --- | --- |");
    for (KernelBenchmark.Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s | %s |%n",
          r.mode(),
          pair(r.start()),
          pair(r.trivial()),
          pair(r.streamSum()),
          pair(r.inspectTable()));
    }
    if (results.size() == 2) {
      KernelBenchmark.Result off = results.get(0);
      KernelBenchmark.Result on = results.get(1);
      System.out.printf(
          Locale.ROOT,
          "%nratios %s/%s (p50): start %.2f, trivial %.2f, stream sum %.2f, inspect %.2f%n",
          on.mode(),
          off.mode(),
          on.start().p50() / off.start().p50(),
          on.trivial().p50() / off.trivial().p50(),
          on.streamSum().p50() / off.streamSum().p50(),
          on.inspectTable().p50() / off.inspectTable().p50());
    }
    for (KernelBenchmark.Result r : results) {
      System.out.println();
      System.out.println(r.mode() + " layers: " + String.join("; ", r.layers()));
    }
    return 0;
  }

  private static String pair(LatencyStats s) {
    return String.format(Locale.ROOT, "%.0f / %.0f ms", s.p50(), s.p95());
  }
}
