package dev.orca.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Facts about a running kernel, for {@code orca doctor} and the status line.
 *
 * @param pid the child process id, or -1 when not running
 * @param javaVersion the child JVM's version
 * @param workspace the kernel's working directory
 * @param startTime how long the last start took (process start to first result)
 * @param heapLimitMiB the child's heap limit
 * @param sandboxLayers the isolation layers in force, e.g. "separate JVM", "heap limit 512 MiB"
 */
public record KernelInfo(
    long pid,
    String javaVersion,
    Path workspace,
    Duration startTime,
    int heapLimitMiB,
    List<String> sandboxLayers) {
  /** Copies. */
  public KernelInfo {
    sandboxLayers = List.copyOf(sandboxLayers);
  }
}
