package dev.orca.cli;

import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelOptions;

/** Starts a kernel; {@link #jshell()} is the real one, tests may pass their own. */
@FunctionalInterface
public interface KernelFactory {

  /**
   * Starts a kernel and returns it ready to run cells.
   *
   * @param options how to start it
   * @return the started kernel
   * @throws dev.orca.core.OrcaException when it cannot start
   */
  Kernel start(KernelOptions options);

  /** The JShell kernel in a child JVM. */
  static KernelFactory jshell() {
    return JShellKernel::start;
  }
}
