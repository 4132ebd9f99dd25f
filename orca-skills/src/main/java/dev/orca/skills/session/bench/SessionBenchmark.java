package dev.orca.skills.session.bench;

import dev.orca.core.OrcaException;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.RestoreReport;
import dev.orca.kernel.SandboxMode;
import dev.orca.skills.session.LoadedSession;
import dev.orca.skills.session.SessionCheckpointer;
import dev.orca.skills.session.SessionManifest;
import dev.orca.skills.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * {@code orca bench sessions}: a session of 50 variables and about 10 MB of data (Tablesaw tables,
 * lists of records, maps, long strings and small values) built in a real kernel, then saved, loaded
 * and checkpointed several times. Reports medians of each step and the data's size.
 *
 * <p>Each load is timed twice: into a kernel that must start a fresh child JVM, and into a kernel
 * that keeps a trained spare JVM ({@link KernelOptions#spareKernel()}, what the CLI runs with),
 * after waiting for its spare to finish training. After each load, the first cell that names every
 * restored variable is timed too: restored variables are declared in JShell on first use, so that
 * cell pays what the load deferred.
 *
 * <p>It also reports the resident memory (Linux only) of the trained spare JVM while it waits, and
 * of an empty kernel after its first cell.
 */
public final class SessionBenchmark {

  /**
   * What to run.
   *
   * @param workDir where the workspace and sessions go
   * @param iterations how many saves and loads to time
   * @param sandbox the kernel's sandbox mode
   */
  public record Options(Path workDir, int iterations, SandboxMode sandbox) {
    /** Validates. */
    public Options {
      if (iterations < 1) {
        throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
      }
    }
  }

  /**
   * Medians in milliseconds.
   *
   * @param variables variables in the session
   * @param valueBytes bytes of stored values
   * @param iterations timed iterations
   * @param snapshotMs taking the kernel's snapshot (kernel → host)
   * @param writeMs writing the session files
   * @param readMs reading the session files
   * @param restoreMs restoring into a kernel (fresh child JVM, definitions, values)
   * @param restoreSpareMs restoring into a kernel whose trained spare JVM is ready
   * @param firstUseMs the first cell naming every restored variable, after the fresh-JVM restore
   * @param firstUseSpareMs the same cell {@value #IDLE_MS} ms after the restore into the spare (the
   *     kernel declares restored variables while idle)
   * @param checkpointMs an auto-checkpoint after a cell that changed one small variable
   * @param kernelStartMs starting a fresh kernel, for comparison with restore
   * @param spareResidentMib resident memory of the trained, idle spare JVM, or NaN where it cannot
   *     be read
   * @param emptyKernelResidentMib resident memory of an empty kernel after one cell, or NaN
   */
  public record Result(
      int variables,
      long valueBytes,
      int iterations,
      double snapshotMs,
      double writeMs,
      double readMs,
      double restoreMs,
      double restoreSpareMs,
      double firstUseMs,
      double firstUseSpareMs,
      double checkpointMs,
      double kernelStartMs,
      double spareResidentMib,
      double emptyKernelResidentMib) {

    /** A Markdown table for BENCHMARKS.md. */
    public String render() {
      StringBuilder sb = new StringBuilder();
      sb.append(
          String.format(
              Locale.ROOT,
              "session: %d variables, %.1f MB of stored values; medians of %d runs%n%n",
              variables,
              valueBytes / 1_000_000.0,
              iterations));
      sb.append("| step | median |\n| --- | --- |\n");
      row(sb, "save: snapshot in the kernel + transfer (`Kernel.snapshot()`)", snapshotMs);
      row(sb, "save: write the session (`SessionStore.save`)", writeMs);
      row(sb, "**save total**", snapshotMs + writeMs);
      row(sb, "load: read the session (`SessionStore.load`)", readMs);
      row(sb, "load: restore into the kernel (`Kernel.restore`, fresh child JVM)", restoreMs);
      row(sb, "load total, fresh child JVM", readMs + restoreMs);
      row(sb, "load: restore into a kernel whose trained spare JVM is ready", restoreSpareMs);
      row(sb, "**load total, with the spare** (the CLI's default)", readMs + restoreSpareMs);
      row(sb, "first cell naming all restored variables, after the fresh-JVM load", firstUseMs);
      row(
          sb,
          "first cell naming all restored variables, " + IDLE_MS + " ms after the spare load",
          firstUseSpareMs);
      row(sb, "auto-checkpoint after a cell that changed one small variable", checkpointMs);
      row(sb, "for comparison: start an empty kernel", kernelStartMs);
      memoryRow(sb, "resident memory: the trained spare JVM, idle", spareResidentMib);
      memoryRow(sb, "resident memory: an empty kernel after one cell", emptyKernelResidentMib);
      return sb.toString();
    }

    private static void memoryRow(StringBuilder sb, String what, double mib) {
      row(sb, what, Double.isNaN(mib) ? "n/a (needs Linux's /proc)" : whole(mib) + " MiB");
    }

    private static void row(StringBuilder sb, String what, double ms) {
      row(sb, what, whole(ms) + " ms");
    }

    private static void row(StringBuilder sb, String what, String value) {
      sb.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    private static String whole(double x) {
      return String.format(Locale.ROOT, "%.0f", x);
    }
  }

  /** Idle time between the spare load and the first cell that uses the restored variables. */
  static final int IDLE_MS = 3_000;

  private SessionBenchmark() {}

  /** The cells that build the session: 50 variables, about 10 MB as JSON. */
  static List<String> setupCells() {
    List<String> cells = new ArrayList<>();
    cells.add("record Row(int id, String name, double score, LocalDate day) {}");
    for (int i = 0; i < 5; i++) {
      cells.add(
          "Table table"
              + i
              + " = Table.create(\"t"
              + i
              + "\", IntColumn.create(\"id\", IntStream.range(0, 20000).toArray()),"
              + " StringColumn.create(\"name\", IntStream.range(0, 20000).mapToObj(j -> \"name-\""
              + " + j).toArray(String[]::new)), DoubleColumn.create(\"score\", IntStream.range(0,"
              + " 20000).mapToDouble(j -> j * 0.5).toArray()), DateColumn.create(\"day\","
              + " IntStream.range(0, 20000).mapToObj(j -> LocalDate.of(2026, 1, 1).plusDays(j %"
              + " 365)).toArray(LocalDate[]::new)));");
    }
    for (int i = 0; i < 10; i++) {
      cells.add(
          "List<Row> rows"
              + i
              + " = IntStream.range(0, 4000).mapToObj(j -> new Row(j, \"row-\" + j, j / 3.0,"
              + " LocalDate.of(2026, 1, 1).plusDays(j % 300))).toList();");
    }
    for (int i = 0; i < 5; i++) {
      cells.add(
          "Map<String, Integer> map"
              + i
              + " = IntStream.range(0, 20000).boxed().collect(Collectors.toMap(j -> \"key-\" + j,"
              + " j -> j));");
    }
    for (int i = 0; i < 5; i++) {
      cells.add("String text" + i + " = \"lorem ipsum dolor \".repeat(18000);");
    }
    StringBuilder small = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      small.append("int n").append(i).append(" = ").append(i).append(";\n");
      small.append("LocalDate d").append(i).append(" = LocalDate.of(2026, 1, ").append(i + 1);
      small.append(");\n");
      small.append("BigDecimal b").append(i).append(" = new BigDecimal(\"").append(i);
      small.append(".25\");\n");
      small.append("String s").append(i).append(" = \"value ").append(i).append("\";\n");
      small.append("List<Integer> small").append(i).append(" = List.of(").append(i);
      small.append(", 2, 3);\n");
    }
    cells.add(small.toString());
    return cells;
  }

  /**
   * Runs the benchmark.
   *
   * @param options what to run
   * @param progress receives one line per step
   * @return the medians
   * @throws Exception when a kernel cannot start or a file cannot be written
   */
  public static Result run(Options options, Consumer<String> progress) throws Exception {
    Path ws = Files.createDirectories(options.workDir().resolve("workspace"));
    SessionStore store = new SessionStore(options.workDir().resolve("sessions"));
    KernelOptions kernelOptions = KernelOptions.defaults(ws).withSandbox(options.sandbox());
    List<Double> snapshot = new ArrayList<>();
    List<Double> write = new ArrayList<>();
    List<Double> read = new ArrayList<>();
    List<Double> restore = new ArrayList<>();
    List<Double> restoreSpare = new ArrayList<>();
    List<Double> firstUse = new ArrayList<>();
    List<Double> firstUseSpare = new ArrayList<>();
    List<Double> checkpoint = new ArrayList<>();
    List<Double> start = new ArrayList<>();
    List<Double> spareMemory = new ArrayList<>();
    List<Double> emptyMemory = new ArrayList<>();
    SessionManifest manifest = null;
    progress.accept("starting three kernels and building the session's data …");
    try (Kernel source = JShellKernel.start(kernelOptions);
        Kernel target = JShellKernel.start(kernelOptions);
        JShellKernel spareTarget = JShellKernel.start(kernelOptions.withSpareKernel(true))) {
      for (String cell : setupCells()) {
        ExecutionResult r = source.execute(cell, Duration.ofSeconds(60));
        if (!r.ok()) {
          throw new OrcaException("benchmark set-up cell failed: " + r, false, null);
        }
      }
      SessionCheckpointer cp = new SessionCheckpointer(store, "bench-auto", List::of);
      cp.afterCell(source, source.execute("n0 = -1;"));
      for (int i = 0; i < options.iterations(); i++) {
        String name = "bench-" + i;
        // Nothing trains in the background while steps are timed: the spare is ready and idle.
        awaitTrainedSpare(spareTarget, progress);
        double spareMib = residentMib(spareTarget.sparePid());
        long t0 = System.nanoTime();
        KernelSnapshot snap = source.snapshot();
        long t1 = System.nanoTime();
        manifest = store.save(name, snap, List.of());
        long t2 = System.nanoTime();
        LoadedSession loaded = store.load(name);
        long t3 = System.nanoTime();
        RestoreReport report = target.restore(loaded.snapshot());
        long t4 = System.nanoTime();
        checkRestored(report);
        String use = useAll(manifest);
        long u0 = System.nanoTime();
        checkUsed(target.execute(use, Duration.ofSeconds(60)));
        long u1 = System.nanoTime();
        long s0 = System.nanoTime();
        checkRestored(spareTarget.restore(loaded.snapshot()));
        long s1 = System.nanoTime();
        Thread.sleep(IDLE_MS); // a person reading the load report; the kernel declares meanwhile
        long s15 = System.nanoTime();
        checkUsed(spareTarget.execute(use, Duration.ofSeconds(60)));
        long s2 = System.nanoTime();
        String cell = "n0 = " + i + ";";
        cp.beforeCell(cell);
        ExecutionResult r = source.execute(cell);
        long t5 = System.nanoTime();
        SessionCheckpointer.Checkpoint c = cp.afterCell(source, r);
        long t6 = System.nanoTime();
        if (!c.written()) {
          throw new OrcaException("benchmark checkpoint failed: " + c.error(), false, null);
        }
        long t7 = System.nanoTime();
        double emptyMib;
        long measuring;
        try (Kernel fresh = JShellKernel.start(kernelOptions)) {
          fresh.execute("1");
          long m0 = System.nanoTime();
          emptyMib = residentMib(fresh.info().pid());
          measuring = System.nanoTime() - m0;
        }
        long t8 = System.nanoTime() - measuring;
        snapshot.add(ms(t0, t1));
        write.add(ms(t1, t2));
        read.add(ms(t2, t3));
        restore.add(ms(t3, t4));
        restoreSpare.add(ms(s0, s1));
        firstUse.add(ms(u0, u1));
        firstUseSpare.add(ms(s15, s2));
        checkpoint.add(ms(t5, t6));
        start.add(ms(t7, t8));
        spareMemory.add(spareMib);
        emptyMemory.add(emptyMib);
        progress.accept(
            String.format(
                Locale.ROOT,
                "run %d: snapshot %.0f ms, write %.0f ms, read %.0f ms, restore %.0f ms"
                    + " (with a trained spare %.0f ms), first use %.0f ms (after the spare load and a pause: %.0f ms),"
                    + " checkpoint %.0f ms (%d changed), kernel start %.0f ms;"
                    + " resident: trained spare %.0f MiB, empty kernel %.0f MiB",
                i + 1,
                ms(t0, t1),
                ms(t1, t2),
                ms(t2, t3),
                ms(t3, t4),
                ms(s0, s1),
                ms(u0, u1),
                ms(s15, s2),
                ms(t5, t6),
                c.changedVariables().size(),
                ms(t7, t8),
                spareMib,
                emptyMib));
        store.delete(name);
      }
    }
    return new Result(
        manifest.variables().size(),
        manifest.valueBytes(),
        options.iterations(),
        median(snapshot),
        median(write),
        median(read),
        median(restore),
        median(restoreSpare),
        median(firstUse),
        median(firstUseSpare),
        median(checkpoint),
        median(start),
        median(spareMemory),
        median(emptyMemory));
  }

  private static void checkRestored(RestoreReport report) {
    if (!report.lostVariables().isEmpty()) {
      throw new OrcaException(
          "benchmark restore lost variables: " + report.describe(), false, null);
    }
  }

  private static void checkUsed(ExecutionResult r) {
    if (!r.ok()) {
      throw new OrcaException(
          "benchmark cell using the restored variables failed: " + r, false, null);
    }
  }

  /** A cell that names every variable of the session (so each is declared in JShell). */
  static String useAll(SessionManifest manifest) {
    StringBuilder cell = new StringBuilder("int benchUsed = java.util.Arrays.asList(");
    for (int i = 0; i < manifest.variables().size(); i++) {
      cell.append(i == 0 ? "" : ", ").append(manifest.variables().get(i).name());
    }
    return cell.append(").size();").toString();
  }

  /** Waits until the kernel's spare JVM has started and finished its JIT training. */
  private static void awaitTrainedSpare(JShellKernel kernel, Consumer<String> progress)
      throws InterruptedException {
    long t0 = System.nanoTime();
    boolean told = false;
    while (!kernel.spareTrained()) {
      if (System.nanoTime() - t0 > Duration.ofSeconds(180).toNanos()) {
        throw new OrcaException(
            "the spare kernel did not finish its training within 180 s", true, null);
      }
      if (!told && System.nanoTime() - t0 > Duration.ofSeconds(2).toNanos()) {
        progress.accept("waiting for the spare kernel to start and train …");
        told = true;
      }
      Thread.sleep(100);
    }
  }

  /** The resident memory of a kernel's process tree in MiB, or NaN where it cannot be read. */
  private static double residentMib(long pid) {
    OptionalLong kib = ResidentMemory.ofTreeKib(pid);
    return kib.isPresent() ? kib.getAsLong() / 1024.0 : Double.NaN;
  }

  private static double ms(long from, long to) {
    return (to - from) / 1_000_000.0;
  }

  private static double median(List<Double> xs) {
    List<Double> sorted = new ArrayList<>(xs);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
