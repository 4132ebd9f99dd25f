package dev.orca.cli.testing;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A scripted stand-in for the kernel, used as a collaborator when testing the CLI's own logic
 * (never as the thing under test). Cells are complete when their brackets balance; executing
 * records the cell and answers with {@link #behaviour}.
 */
public final class FakeKernel implements Kernel {

  /** Every cell executed, in order. */
  public final List<String> executed = new ArrayList<>();

  /** Timeouts the cells were given. */
  public final List<Duration> timeouts = new ArrayList<>();

  /** Variables by name. */
  public final Map<String, VariableInfo> variables = new LinkedHashMap<>();

  /** How a cell is answered; by default a success whose value is the trimmed code. */
  public Function<String, ExecutionResult> behaviour = code -> success(code.strip(), "String");

  /** How many times {@link #interrupt()} was called. */
  public int interrupts;

  /** Whether {@link #close()} was called. */
  public boolean closed;

  /** Every snapshot given to {@link #restore}, in order. */
  public final List<KernelSnapshot> restored = new ArrayList<>();

  /** A success with a value. */
  public static ExecutionResult success(String value, String type) {
    return new ExecutionResult.Success(value, type, false, Output.EMPTY, Duration.ofMillis(3));
  }

  @Override
  public ExecutionResult execute(String code, Duration timeout) {
    executed.add(code);
    timeouts.add(timeout);
    return behaviour.apply(code);
  }

  @Override
  public List<VariableInfo> variables() {
    return List.copyOf(variables.values());
  }

  @Override
  public Inspection inspect(String name) {
    VariableInfo v = variables.get(name);
    if (v == null) {
      throw OrcaException.invalid("No variable named '" + name + "'.");
    }
    return new Inspection(v.name(), v.type(), v.type(), "inspected " + v.summary());
  }

  @Override
  public List<String> complete(String code, int cursor) {
    return List.of("println(", "print(");
  }

  @Override
  public boolean isComplete(String code) {
    int depth = 0;
    for (char c : code.toCharArray()) {
      if (c == '{' || c == '(') {
        depth++;
      } else if (c == '}' || c == ')') {
        depth--;
      }
    }
    return depth <= 0;
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
    List<KernelSnapshot.VariableValue> values = new ArrayList<>();
    for (VariableInfo v : variables.values()) {
      values.add(
          new KernelSnapshot.VariableValue(v.name(), v.type(), "\"" + v.summary() + "\"", null));
    }
    return new KernelSnapshot(List.of(), values, Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Override
  public RestoreReport restore(KernelSnapshot snapshot) {
    restored.add(snapshot);
    List<String> names =
        snapshot.variables().stream()
            .filter(KernelSnapshot.VariableValue::restorable)
            .map(KernelSnapshot.VariableValue::name)
            .toList();
    List<RestoreReport.LostVariable> lost =
        snapshot.variables().stream()
            .filter(v -> !v.restorable())
            .map(v -> new RestoreReport.LostVariable(v.name(), v.notRestorableReason()))
            .toList();
    return new RestoreReport(List.of(), names, lost);
  }

  @Override
  public KernelInfo info() {
    return new KernelInfo(
        42, "17", Path.of("/tmp"), Duration.ofMillis(500), 512, List.of("separate JVM"));
  }

  @Override
  public void close() {
    closed = true;
  }
}
