package dev.orca.kernelagent.policy;

/**
 * Kernel code referenced something the sandbox policy does not allow. The message is written for a
 * model to act on, e.g. "java.net is not available in the kernel: use a tool, see
 * searchTools("http")".
 */
public final class PolicyViolation extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a violation.
   *
   * @param message what was refused and what to do instead
   */
  public PolicyViolation(String message) {
    super(message);
  }
}
