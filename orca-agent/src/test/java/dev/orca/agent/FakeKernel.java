package dev.orca.agent;

import dev.orca.core.OrcaException;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Inspection;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelInfo;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.Output;
import dev.orca.kernel.RestoreReport;
import dev.orca.kernel.VariableInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A small in-test kernel collaborator: records cells and answers them with a function. */
public final class FakeKernel implements Kernel {
  public final List<String> cells = new CopyOnWriteArrayList<>();
  public final List<VariableInfo> variables = new ArrayList<>();
  volatile int interrupts;
  private final Function<String, ExecutionResult> behaviour;

  public FakeKernel(Function<String, ExecutionResult> behaviour) {
    this.behaviour = behaviour;
  }

  /** Prints "ran: CODE". */
  public static FakeKernel echo() {
    return new FakeKernel(code -> ok("ran: " + code + "\n", null));
  }

  public static ExecutionResult ok(String stdout, String value) {
    return new ExecutionResult.Success(
        value,
        value == null ? null : "String",
        false,
        new Output(stdout, "", false, false),
        Duration.ofMillis(3));
  }

  @Override
  public ExecutionResult execute(String code, Duration timeout) {
    cells.add(code);
    return behaviour.apply(code);
  }

  @Override
  public List<VariableInfo> variables() {
    return List.copyOf(variables);
  }

  @Override
  public Inspection inspect(String name) {
    throw OrcaException.invalid("no variable " + name);
  }

  @Override
  public List<String> complete(String code, int cursor) {
    return List.of();
  }

  @Override
  public boolean isComplete(String code) {
    return true;
  }

  @Override
  public void interrupt() {
    interrupts++;
  }

  @Override
  public RestoreReport restart() {
    return RestoreReport.NOTHING;
  }

  @Override
  public KernelSnapshot snapshot() {
    return new KernelSnapshot(List.of(), List.of(), Instant.now());
  }

  @Override
  public RestoreReport restore(KernelSnapshot snapshot) {
    return RestoreReport.NOTHING;
  }

  @Override
  public KernelInfo info() {
    return new KernelInfo(-1, "17", Path.of("."), Duration.ZERO, 512, List.of("fake"));
  }

  @Override
  public void close() {}
}
