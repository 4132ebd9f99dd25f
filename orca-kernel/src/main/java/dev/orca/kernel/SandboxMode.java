package dev.orca.kernel;

/** How strongly the kernel is isolated from the host (SECURITY.md). */
public enum SandboxMode {
  /** OS isolation when the OS offers it (bubblewrap), otherwise the in-JVM layers alone. */
  AUTO,
  /** Refuse to start without OS isolation. */
  STRICT,
  /** No bytecode policy and no OS isolation: trusted local use only. The child is still a JVM. */
  OFF
}
