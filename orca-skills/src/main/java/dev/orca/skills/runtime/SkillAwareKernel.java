package dev.orca.skills.runtime;

import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.ForwardingKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.RestoreReport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A kernel that loads learned functions deployed while a cell ran (a function generated from kernel
 * code becomes callable from the next cell) and records their uses. Everything else is delegated.
 */
public final class SkillAwareKernel extends ForwardingKernel {

  private final SkillRuntime runtime;

  /**
   * Wraps a kernel.
   *
   * @param delegate the kernel
   * @param runtime the skills runtime that queues deployments
   */
  SkillAwareKernel(Kernel delegate, SkillRuntime runtime) {
    super(delegate);
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  @Override
  public ExecutionResult execute(String code, Duration timeout) {
    runtime.flushPending(delegate());
    ExecutionResult r = delegate().execute(code, timeout);
    if (r.ok()) {
      runtime.recordUses(code);
    }
    return r;
  }

  @Override
  public List<String> complete(String code, int cursor) {
    runtime.flushPending(delegate());
    return delegate().complete(code, cursor);
  }

  @Override
  public RestoreReport restore(KernelSnapshot snapshot) {
    RestoreReport report = delegate().restore(snapshot);
    runtime.loadAll(delegate());
    return report;
  }
}
