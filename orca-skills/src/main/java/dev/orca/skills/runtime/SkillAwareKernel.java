package dev.orca.skills.runtime;

import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Inspection;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelInfo;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.RestoreReport;
import dev.orca.kernel.VariableInfo;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A kernel that loads learned functions deployed while a cell ran (a function generated from kernel
 * code becomes callable from the next cell) and records their uses. Everything else is delegated.
 */
public final class SkillAwareKernel implements Kernel {

  private final Kernel delegate;
  private final SkillRuntime runtime;

  /**
   * Wraps a kernel.
   *
   * @param delegate the kernel
   * @param runtime the skills runtime that queues deployments
   */
  SkillAwareKernel(Kernel delegate, SkillRuntime runtime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  /** The wrapped kernel. */
  public Kernel delegate() {
    return delegate;
  }

  @Override
  public ExecutionResult execute(String code, Duration timeout) {
    runtime.flushPending(delegate);
    ExecutionResult r = delegate.execute(code, timeout);
    if (r.ok()) {
      runtime.recordUses(code);
    }
    return r;
  }

  @Override
  public List<VariableInfo> variables() {
    return delegate.variables();
  }

  @Override
  public Inspection inspect(String name) {
    return delegate.inspect(name);
  }

  @Override
  public List<String> complete(String code, int cursor) {
    runtime.flushPending(delegate);
    return delegate.complete(code, cursor);
  }

  @Override
  public boolean isComplete(String code) {
    return delegate.isComplete(code);
  }

  @Override
  public void interrupt() {
    delegate.interrupt();
  }

  @Override
  public RestoreReport restart() {
    return delegate.restart();
  }

  @Override
  public KernelSnapshot snapshot() {
    return delegate.snapshot();
  }

  @Override
  public KernelSnapshot checkpoint() {
    return delegate.checkpoint();
  }

  @Override
  public RestoreReport restore(KernelSnapshot snapshot) {
    RestoreReport report = delegate.restore(snapshot);
    runtime.loadAll(delegate);
    return report;
  }

  @Override
  public KernelInfo info() {
    return delegate.info();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
