package dev.orca.kernel;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A kernel that forwards every call to another: the base of decorators that add behaviour around
 * some calls (loading learned functions before a cell, checkpointing a session after it) and
 * override only those. {@link #innermost(Kernel)} unwraps any chain of them.
 */
public abstract class ForwardingKernel implements Kernel {

  private final Kernel delegate;

  /**
   * Wraps a kernel.
   *
   * @param delegate the kernel that runs the cells
   */
  protected ForwardingKernel(Kernel delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The wrapped kernel. */
  public final Kernel delegate() {
    return delegate;
  }

  /**
   * The kernel under every forwarding decorator: for cells that must bypass what the decorators add
   * (warm-up, loading learned functions).
   *
   * @param kernel a kernel
   * @return the kernel that runs the cells
   */
  public static Kernel innermost(Kernel kernel) {
    Kernel k = kernel;
    while (k instanceof ForwardingKernel f) {
      k = f.delegate;
    }
    return k;
  }

  @Override
  public ExecutionResult execute(String code, Duration timeout) {
    return delegate.execute(code, timeout);
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
    return delegate.restore(snapshot);
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
