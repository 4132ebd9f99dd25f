package dev.orca.cli.bench;

import dev.orca.kernel.SandboxMode;
import dev.orca.kernel.bench.KernelBenchmark;
import dev.orca.kernel.bench.LatencyStats;
import dev.orca.kernel.cds.StartupCache;
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
      "Measures the kernel: start (process start to first result), warm execute_code p50/p95"
          + " for a trivial expression and a 1M-element stream sum, and inspect of a 1M-row table,"
          + " with the sandbox off and on, in one run (ratios are on/off). The kernel start-up"
          + " cache (runtime image, class-data sharing archive) is built first unless it is off"
          + " (--cds off, -Dorca.kernel.cds=off or ORCA_KERNEL_CDS=off);"
          + " --cds off,on measures without and with it in one run."
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

  @Option(
      names = "--cds",
      split = ",",
      description =
          "Kernel start-up cache (runtime image + CDS archive): on, off, or off,on to compare"
              + " (default: on, unless -Dorca.kernel.cds=off or ORCA_KERNEL_CDS=off).")
  List<String> cds;

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
    List<SandboxMode> sandboxes = new ArrayList<>();
    for (String mode : modes) {
      try {
        sandboxes.add(SandboxMode.valueOf(mode.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        System.err.println(
            "orca bench kernel: unknown mode '" + mode + "' (use off, auto, strict)");
        return 2;
      }
    }
    if (cds == null || cds.isEmpty()) {
      cds = List.of(StartupCache.enabled() ? "on" : "off");
    }
    for (String setting : cds) {
      String c = setting.trim().toLowerCase(Locale.ROOT);
      if (!c.equals("on") && !c.equals("off")) {
        System.err.println("orca bench kernel: --cds takes on or off, not '" + setting + "'");
        return 2;
      }
    }
    String before = System.getProperty(StartupCache.ENABLED_PROPERTY);
    try {
      for (String setting : cds) {
        boolean on = setting.trim().equalsIgnoreCase("on");
        // The property wins over ORCA_KERNEL_CDS, so an explicit --cds on measures with it.
        System.setProperty(StartupCache.ENABLED_PROPERTY, on ? "auto" : "off");
        for (SandboxMode sandbox : sandboxes) {
          System.err.println(
              "measuring sandbox " + sandbox + ", start-up cache " + (on ? "on" : "off") + " …");
          results.add(bench.run(sandbox));
        }
      }
    } finally {
      if (before == null) {
        System.clearProperty(StartupCache.ENABLED_PROPERTY);
      } else {
        System.setProperty(StartupCache.ENABLED_PROPERTY, before);
      }
    }
    System.out.println(
        "| sandbox | start-up cache | kernel start p50 / p95 | trivial `1 + 1` p50 / p95 |"
            + " 1M stream sum p50 / p95 | inspect 1M-row table p50 / p95 |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
    for (KernelBenchmark.Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s | %s | %s |%n",
          r.mode(),
          cacheCell(r),
          pair(r.start()),
          pair(r.trivial()),
          pair(r.streamSum()),
          pair(r.inspectTable()));
    }
    if (results.size() == 2) {
      KernelBenchmark.Result first = results.get(0);
      KernelBenchmark.Result second = results.get(1);
      System.out.printf(
          Locale.ROOT,
          "%nratios %s/%s (p50): start %.2f, trivial %.2f, stream sum %.2f, inspect %.2f%n",
          label(second),
          label(first),
          second.start().p50() / first.start().p50(),
          second.trivial().p50() / first.trivial().p50(),
          second.streamSum().p50() / first.streamSum().p50(),
          second.inspectTable().p50() / first.inspectTable().p50());
    }
    for (KernelBenchmark.Result r : results) {
      System.out.println();
      System.out.println(label(r) + " class-data sharing: " + r.cdsUsed());
      System.out.println(label(r) + " layers: " + String.join("; ", r.layers()));
    }
    return 0;
  }

  private static String label(KernelBenchmark.Result r) {
    return r.mode() + " (cache " + (r.cds() ? "on" : "off") + ")";
  }

  /** Whether the measured kernels had the CDS archive mapped. */
  private static String cacheCell(KernelBenchmark.Result r) {
    if (!r.cds()) {
      return "off";
    }
    if (r.cdsUsed().contains("(used:")) {
      return "on, archive used";
    }
    if (r.cdsUsed().contains("NOT used")) {
      return "on, archive NOT used";
    }
    return "on, no archive";
  }

  private static String pair(LatencyStats s) {
    return String.format(Locale.ROOT, "%.0f / %.0f ms", s.p50(), s.p95());
  }
}
