package dev.orca.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kernel that keeps a spare JVM: restores and rebuilds take it, and another one follows. */
class SpareKernelIT {
  @TempDir Path home;
  JShellKernel kernel;

  @BeforeEach
  void start() {
    kernel =
        JShellKernel.start(
            KernelOptions.defaults(home.resolve("workspace"))
                .withSandbox(SandboxMode.OFF)
                .withHeapLimitMiB(256)
                .withSpareKernel(true));
  }

  @AfterEach
  void stop() {
    kernel.close();
  }

  @Test
  void aRestoreTakesTheTrainedSpareAndLeavesNoTrainingStateBehind() {
    assertThat(
            kernel.execute(
                "record Point(int x, int y) {}\n"
                    + "var points = List.of(new Point(1, 2), new Point(3, 4));\n"
                    + "int answer = 42;"))
        .isInstanceOf(ExecutionResult.Success.class);
    await(kernel::spareTrained, Duration.ofSeconds(240), "the spare never finished its training");
    long spare = kernel.sparePid();
    KernelSnapshot snapshot = kernel.snapshot();

    RestoreReport report = kernel.restore(snapshot);

    assertThat(kernel.info().pid()).isEqualTo(spare);
    assertThat(report.restoredVariables()).containsExactlyInAnyOrder("points", "answer");
    assertThat(report.lostVariables()).isEmpty();
    // The spare's JIT training ran on throwaway engines: none of it is visible here.
    assertThat(kernel.variables()).extracting(VariableInfo::name).containsOnly("points", "answer");
    ExecutionResult sum = kernel.execute("points.get(1).y() + answer");
    assertThat(sum).isInstanceOf(ExecutionResult.Success.class);
    assertThat(((ExecutionResult.Success) sum).value()).isEqualTo("46");
    assertThat(kernel.execute("warmItems")).isInstanceOf(ExecutionResult.CompileError.class);
  }

  @Test
  void aDeadKernelIsReplacedByTheSpareAndANewSpareFollows() throws Exception {
    assertThat(kernel.execute("String text = \"kept\";"))
        .isInstanceOf(ExecutionResult.Success.class);
    awaitSpare();
    long spare = kernel.sparePid();
    long first = kernel.info().pid();
    ProcessHandle handle = ProcessHandle.of(first).orElseThrow();
    handle.destroyForcibly();
    handle.onExit().get();

    ExecutionResult died = kernel.execute("text");
    assertThat(died).isInstanceOf(ExecutionResult.Died.class);
    assertThat(kernel.info().pid()).isEqualTo(spare);
    ExecutionResult text = kernel.execute("text");
    assertThat(((ExecutionResult.Success) text).value()).contains("kept");

    awaitSpare();
    assertThat(kernel.sparePid()).isNotIn(spare, first, -1L);
  }

  @Test
  void closingTheKernelStopsItsSpare() throws Exception {
    awaitSpare();
    ProcessHandle spare = ProcessHandle.of(kernel.sparePid()).orElseThrow();
    kernel.close();
    spare.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(spare.isAlive()).isFalse();
  }

  private void awaitSpare() {
    await(kernel::spareReady, Duration.ofSeconds(90), "the spare kernel never became ready");
  }

  private static void await(BooleanSupplier condition, Duration limit, String message) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(message);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(message, e);
      }
    }
  }
}
