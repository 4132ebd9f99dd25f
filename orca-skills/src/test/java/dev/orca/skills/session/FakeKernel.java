package dev.orca.skills.session;

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

/**
 * A stand-in kernel for session tests: its "state" is a map of variable name to JSON, set directly
 * by the test. {@code restore} keeps restorable values, "recomputes" replayable ones and reports
 * the others as lost, like the real kernel.
 */
final class FakeKernel implements Kernel {
  final Map<String, KernelSnapshot.VariableValue> vars = new LinkedHashMap<>();
  final List<KernelSnapshot.Definition> defs = new ArrayList<>();
  int snapshots;
  int restores;
  boolean failSnapshot;

  void set(String name, String type, String json) {
    vars.put(name, new KernelSnapshot.VariableValue(name, type, json, null));
  }

  void setReplayable(String name, String type, String reason, String source) {
    vars.put(name, new KernelSnapshot.VariableValue(name, type, null, reason, source));
  }

  void setUnrestorable(String name, String type, String reason) {
    vars.put(name, new KernelSnapshot.VariableValue(name, type, null, reason));
  }

  @Override
  public ExecutionResult execute(String code, Duration timeout) {
    return new ExecutionResult.Success(null, null, false, Output.EMPTY, Duration.ZERO);
  }

  @Override
  public List<VariableInfo> variables() {
    return vars.values().stream().map(v -> new VariableInfo(v.name(), v.type(), "")).toList();
  }

  @Override
  public Inspection inspect(String name) {
    throw new UnsupportedOperationException();
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
  public void interrupt() {}

  @Override
  public RestoreReport restart() {
    return RestoreReport.NOTHING;
  }

  @Override
  public KernelSnapshot snapshot() {
    snapshots++;
    if (failSnapshot) {
      throw new IllegalStateException("kernel is gone");
    }
    return new KernelSnapshot(defs, new ArrayList<>(vars.values()), Instant.now());
  }

  @Override
  public RestoreReport restore(KernelSnapshot snapshot) {
    restores++;
    vars.clear();
    defs.clear();
    defs.addAll(snapshot.definitions());
    List<String> restored = new ArrayList<>();
    List<String> recomputed = new ArrayList<>();
    List<RestoreReport.LostVariable> lost = new ArrayList<>();
    for (KernelSnapshot.VariableValue v : snapshot.variables()) {
      if (v.restorable() || v.recomputable()) {
        vars.put(v.name(), v);
        restored.add(v.name());
        if (v.recomputable()) {
          recomputed.add(v.name());
        }
      } else {
        lost.add(new RestoreReport.LostVariable(v.name(), v.notRestorableReason()));
      }
    }
    return new RestoreReport(
        snapshot.definitions().stream().map(KernelSnapshot.Definition::name).toList(),
        restored,
        lost,
        recomputed);
  }

  @Override
  public KernelInfo info() {
    return new KernelInfo(0, "17", Path.of("."), Duration.ZERO, 0, List.of());
  }

  @Override
  public void close() {}
}
