package dev.orca.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kernel that must be killed or dies is rebuilt with its definitions and restorable data. */
class KernelRecoveryIT {
  @TempDir Path home;
  JShellKernel kernel;

  @BeforeEach
  void start() {
    kernel =
        JShellKernel.start(
            KernelOptions.defaults(home.resolve("workspace"))
                .withSandbox(SandboxMode.OFF)
                .withHeapLimitMiB(128));
    setUpState();
  }

  @AfterEach
  void stop() {
    kernel.close();
  }

  private void setUpState() {
    ExecutionResult r =
        kernel.execute(
            "import java.util.concurrent.atomic.*;\n"
                + "record Item(String name, BigDecimal price, LocalDate day) {}\n"
                + "int twice(int x) { return 2 * x; }\n"
                + "var items = new ArrayList<>(List.of(new Item(\"a\", new BigDecimal(\"1.50\"), LocalDate.of(2026, 1, 2))));\n"
                + "Map<String, List<Integer>> groups = new TreeMap<>(Map.of(\"k\", List.of(1, 2, 3)));\n"
                + "Thread notData = new Thread(() -> {});\n"
                + "String text = \"hello\";");
    assertThat(r).isInstanceOf(ExecutionResult.Success.class);
    assertThat(
            kernel.execute("items.add(new Item(\"b\", BigDecimal.TEN, LocalDate.of(2026, 3, 4)));"))
        .isInstanceOf(ExecutionResult.Success.class);
  }

  private void assertRestored(RestoreReport report) {
    assertThat(report.restoredVariables()).contains("items", "groups", "text");
    assertThat(report.lostVariables())
        .extracting(RestoreReport.LostVariable::name)
        .containsExactly("notData");
    assertThat(report.lostVariables().get(0).reason()).contains("not plain data");
    assertThat(report.replayedDefinitions())
        .contains("Item", "twice", "java.util.concurrent.atomic.*");
    ExecutionResult after =
        kernel.execute(
            "items.size() + \":\" + items.get(1).price() + \":\" + groups.get(\"k\") + \":\" + twice(21) + text");
    assertThat(after).isInstanceOf(ExecutionResult.Success.class);
    assertThat(((ExecutionResult.Success) after).value()).isEqualTo("\"2:10:[1, 2, 3]:42hello\"");
  }

  @Test
  void timeout_killsAndRebuildsWhenTheCellSwallowsTheStop() {
    // JDK 17 stops cells with Thread.stop, whose ThreadDeath this cell catches; newer JDKs check
    // for a stop at branches, which a thread parked in wait() never reaches. Either way the soft
    // stop fails and the kernel must be killed and rebuilt.
    ExecutionResult result =
        kernel.execute(
            "Object lock = new Object();\n"
                + "while (true) { try { synchronized (lock) { lock.wait(); } } catch (Throwable t) { } }",
            Duration.ofSeconds(1));
    if (result instanceof ExecutionResult.Stopped) {
      // A JDK whose stop also interrupts a waiting thread stops this cell softly: state is kept.
      assertThat(Runtime.version().feature()).isGreaterThan(17);
      assertThat(kernel.execute("text")).isInstanceOf(ExecutionResult.Success.class);
      return;
    }
    assertThat(result).isInstanceOf(ExecutionResult.Died.class);
    ExecutionResult.Died died = (ExecutionResult.Died) result;
    assertThat(died.cause()).contains("did not stop");
    assertRestored(died.restore());
  }

  @Test
  void timeout_stopsASwallowingSpinLoopSoftlyOrRebuilds() {
    ExecutionResult result =
        kernel.execute(
            "while (true) { try { while (true) { Thread.onSpinWait(); } } catch (Throwable t) { } }",
            Duration.ofSeconds(1));
    assertThat(result).isInstanceOfAny(ExecutionResult.Stopped.class, ExecutionResult.Died.class);
    if (result instanceof ExecutionResult.Died) {
      assertRestored(((ExecutionResult.Died) result).restore());
    } else {
      assertThat(kernel.execute("text")).isInstanceOf(ExecutionResult.Success.class);
    }
  }

  @Test
  void kill9_ofTheChildIsRepairedOnTheNextCell() throws Exception {
    long pid = kernel.info().pid();
    new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
    ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    ExecutionResult result = kernel.execute("1 + 1");
    assertThat(result).isInstanceOf(ExecutionResult.Died.class);
    ExecutionResult.Died died = (ExecutionResult.Died) result;
    assertThat(died.cause()).contains("had died").contains("not run");
    assertThat(kernel.info().pid()).isNotEqualTo(pid);
    assertRestored(died.restore());
  }

  @Test
  void outOfMemory_leavesAUsableKernel() {
    ExecutionResult result =
        kernel.execute(
            "List<long[]> hog = new ArrayList<>(); while (true) hog.add(new long[1_000_000]);");
    assertThat(result)
        .isInstanceOfAny(ExecutionResult.UserException.class, ExecutionResult.Died.class);
    if (result instanceof ExecutionResult.UserException) {
      assertThat(((ExecutionResult.UserException) result).exceptionType())
          .isEqualTo("java.lang.OutOfMemoryError");
    }
    ExecutionResult after = kernel.execute("text + \" again\"");
    assertThat(after).isInstanceOf(ExecutionResult.Success.class);
  }

  @Test
  void checkpoint_followsCellsThatChangeAVariable() {
    KernelSnapshot checkpoint = kernel.checkpoint();
    assertThat(checkpoint.variables())
        .extracting(KernelSnapshot.VariableValue::name)
        .containsExactly("items", "groups", "notData", "text");
    assertThat(checkpoint.variables().get(0).json()).contains("\"b\"", "2026-03-04");
    assertThat(checkpoint.variables().get(2).restorable()).isFalse();
    kernel.execute("text = text.toUpperCase();");
    assertThat(kernel.checkpoint().variables().get(3).json()).isEqualTo("\"HELLO\"");
    ExecutionResult failed =
        kernel.execute("String partial = \"before the failure\";\nInteger.parseInt(\"x\");");
    assertThat(failed).isInstanceOf(ExecutionResult.UserException.class);
    assertThat(kernel.checkpoint().variables())
        .filteredOn(v -> v.name().equals("partial"))
        .singleElement()
        .satisfies(v -> assertThat(v.json()).isEqualTo("\"before the failure\""));
  }

  @Test
  void restore_reportsEachVariableOfAMixedSessionAndKeepsTheOthersWhenOneIsLost() {
    ExecutionResult setUp =
        kernel.execute(
            String.join(
                "\n",
                "record Point(int x, double y, String label) {}",
                "List<Point> points = List.of(new Point(1, 2.5, \"a, b\"));",
                "int[] ints = {3, 1, 2};",
                "Table sales = Table.create(\"sales\", StringColumn.create(\"item\", \"tea\","
                    + " \"cake, lemon\"), DoubleColumn.create(\"price\", 2.5, 3.75),"
                    + " DateColumn.create(\"day\", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2,"
                    + " 1)));",
                "LocalDateTime when = LocalDateTime.of(2026, 11, 26, 12, 30);",
                "long big = 9_000_000_000L;"));
    assertThat(setUp).isInstanceOf(ExecutionResult.Success.class);
    KernelSnapshot snapshot = kernel.snapshot();
    List<KernelSnapshot.VariableValue> variables = new ArrayList<>(snapshot.variables());
    // A variable whose type no longer exists, among the others.
    variables.add(2, new KernelSnapshot.VariableValue("ghost", "List<Vanished>", "[]", null));
    kernel.execute("text = \"changed\";");

    RestoreReport report =
        kernel.restore(new KernelSnapshot(snapshot.definitions(), variables, snapshot.takenAt()));

    assertThat(report.restoredVariables())
        .containsExactly("items", "groups", "text", "points", "ints", "sales", "when", "big");
    assertThat(report.lostVariables())
        .extracting(RestoreReport.LostVariable::name)
        .containsExactly("ghost", "notData");
    assertThat(report.lostVariables().get(0).reason())
        .isEqualTo("its type List<Vanished> is not available any more");
    assertThat(report.lostVariables().get(1).reason()).contains("not plain data");
    assertThat(kernel.variables())
        .extracting(VariableInfo::name)
        .containsExactly("items", "groups", "text", "points", "ints", "sales", "when", "big");
    ExecutionResult after =
        kernel.execute(
            "points + \" \" + Arrays.toString(ints) + \" \" + sales.rowCount() + sales.column(2).type()"
                + " + \" \" + sales.getString(1, \"item\") + \" \" + when + \" \" + big + \" \" + text"
                + " + \" \" + twice(items.size())");
    assertThat(after).isInstanceOf(ExecutionResult.Success.class);
    assertThat(((ExecutionResult.Success) after).value())
        .isEqualTo(
            "\"[Point[x=1, y=2.5, label=a, b]] [3, 1, 2] 2LOCAL_DATE cake, lemon"
                + " 2026-11-26T12:30 9000000000 hello 4\"");
  }

  @Test
  void snapshot_restoresIntoAFreshKernel() {
    KernelSnapshot snapshot = kernel.snapshot();
    assertThat(snapshot.variables())
        .filteredOn(KernelSnapshot.VariableValue::restorable)
        .extracting(KernelSnapshot.VariableValue::name)
        .containsExactly("items", "groups", "text");
    kernel.execute("items.clear(); text = \"changed\";");
    RestoreReport report = kernel.restore(snapshot);
    assertRestored(report);
  }
}
