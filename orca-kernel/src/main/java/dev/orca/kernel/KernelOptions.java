package dev.orca.kernel;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to start a kernel.
 *
 * @param workspace the kernel's working directory; the only place its code may read and write
 * @param heapLimitMiB the child JVM's maximum heap
 * @param outputCapChars cap on each of stdout, stderr and the value returned to the caller
 * @param sandbox which isolation the child runs under
 * @param javaHome the JDK to run the child with, or {@code null} for the host's own
 * @param extraClasspath extra classpath entries for kernel code (learned functions), may be empty
 * @param bridge answers kernel → host calls
 * @param spareKernel whether to keep a second kernel JVM started and trained ahead of time, so a
 *     restore or a restart after a death takes it instead of starting a JVM (costs one idle JVM's
 *     memory; off by default, the CLI turns it on unless {@code [kernel] spare = false})
 */
public record KernelOptions(
    Path workspace,
    int heapLimitMiB,
    int outputCapChars,
    SandboxMode sandbox,
    Path javaHome,
    List<Path> extraClasspath,
    KernelBridge bridge,
    boolean spareKernel) {

  /** Default heap limit of the child JVM. */
  public static final int DEFAULT_HEAP_MIB = 512;

  /** Default cap on each output stream and the value, in characters. */
  public static final int DEFAULT_OUTPUT_CAP = 20_000;

  /** Validates. */
  public KernelOptions {
    Objects.requireNonNull(workspace, "workspace");
    workspace = workspace.toAbsolutePath().normalize();
    if (heapLimitMiB < 64) {
      throw new IllegalArgumentException("heap limit must be at least 64 MiB: " + heapLimitMiB);
    }
    if (outputCapChars < 100) {
      throw new IllegalArgumentException(
          "output cap must be at least 100 chars: " + outputCapChars);
    }
    Objects.requireNonNull(sandbox, "sandbox");
    extraClasspath = List.copyOf(extraClasspath);
    Objects.requireNonNull(bridge, "bridge");
  }

  /**
   * Defaults for a workspace: 512 MiB heap, 20K-char caps, automatic sandbox, no bridge, no spare.
   */
  public static KernelOptions defaults(Path workspace) {
    return new KernelOptions(
        workspace,
        DEFAULT_HEAP_MIB,
        DEFAULT_OUTPUT_CAP,
        SandboxMode.AUTO,
        null,
        List.of(),
        KernelBridge.NONE,
        false);
  }

  /** A copy with another bridge. */
  public KernelOptions withBridge(KernelBridge newBridge) {
    return new KernelOptions(
        workspace,
        heapLimitMiB,
        outputCapChars,
        sandbox,
        javaHome,
        extraClasspath,
        newBridge,
        spareKernel);
  }

  /** A copy with another sandbox mode. */
  public KernelOptions withSandbox(SandboxMode mode) {
    return new KernelOptions(
        workspace,
        heapLimitMiB,
        outputCapChars,
        mode,
        javaHome,
        extraClasspath,
        bridge,
        spareKernel);
  }

  /** A copy with another heap limit. */
  public KernelOptions withHeapLimitMiB(int mib) {
    return new KernelOptions(
        workspace, mib, outputCapChars, sandbox, javaHome, extraClasspath, bridge, spareKernel);
  }

  /** A copy with another output cap. */
  public KernelOptions withOutputCap(int chars) {
    return new KernelOptions(
        workspace, heapLimitMiB, chars, sandbox, javaHome, extraClasspath, bridge, spareKernel);
  }

  /** A copy that keeps (or does not keep) a spare kernel JVM ready. */
  public KernelOptions withSpareKernel(boolean spare) {
    return new KernelOptions(
        workspace, heapLimitMiB, outputCapChars, sandbox, javaHome, extraClasspath, bridge, spare);
  }
}
