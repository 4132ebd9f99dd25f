package dev.orca.skills.session.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Resident memory of a process and its descendants (a sandboxed kernel JVM runs as a child of
 * {@code bwrap}), read from Linux's {@code /proc/PID/status}. Elsewhere, or for a process that is
 * gone, there is no figure.
 */
final class ResidentMemory {
  private ResidentMemory() {}

  /**
   * The resident set of the process tree rooted at {@code pid}, in KiB.
   *
   * @param pid a process id; negative means none
   * @return the sum of {@code VmRSS} over the root and the descendants still running, or empty when
   *     the root's cannot be read
   */
  static OptionalLong ofTreeKib(long pid) {
    if (pid < 0) {
      return OptionalLong.empty();
    }
    OptionalLong root = ofProcessKib(pid);
    if (root.isEmpty()) {
      return root;
    }
    long descendants =
        ProcessHandle.of(pid).stream()
            .flatMap(ProcessHandle::descendants)
            .mapToLong(p -> ofProcessKib(p.pid()).orElse(0))
            .sum();
    return OptionalLong.of(root.getAsLong() + descendants);
  }

  /** {@code VmRSS} of one process in KiB, or empty when it cannot be read. */
  static OptionalLong ofProcessKib(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try (Stream<String> lines = Files.lines(status)) {
      return lines
          .filter(line -> line.startsWith("VmRSS:"))
          .findFirst()
          .map(line -> OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", ""))))
          .orElse(OptionalLong.empty());
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
