package dev.orca.agent.subagent;

import dev.orca.kernel.Kernel;

/**
 * Starts the short-lived kernel of a sub-agent that may run code ({@code execute_code} in its
 * allowlist). Each call of such an agent gets a kernel of its own, started on its first code
 * execution and closed when the call ends; it is never the orchestrator's kernel. Production code
 * passes {@code () -> JShellKernel.start(options)} with the workspace's options.
 */
@FunctionalInterface
public interface SubagentKernels {

  /**
   * Starts a fresh kernel.
   *
   * @return a started kernel the caller closes
   */
  Kernel start();

  /** No kernels: agents that run code fail with a clear message. */
  SubagentKernels NONE =
      () -> {
        throw dev.orca.core.OrcaException.configuration(
            "This Orca instance starts no kernels for sub-agents, so a sub-agent with"
                + " execute_code in its tools cannot run.");
      };
}
