package dev.orca.kernelagent.guard;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workspace disk cap. The workspace's size is measured by walking it (at most every half
 * second); bytes written through the guarded streams are charged on top of the last measurement,
 * and a write that would go past the cap fails with an {@link IOException}.
 */
public final class DiskGuard {

  private static final long REMEASURE_NANOS = 500_000_000L;
  private static final AtomicLong measured = new AtomicLong(-1);
  private static final AtomicLong pending = new AtomicLong();
  private static volatile long measuredAt;

  private DiskGuard() {}

  static void reset() {
    measured.set(-1);
    pending.set(0);
  }

  /**
   * Charges bytes about to be written to a workspace file.
   *
   * @param bytes how many bytes the write adds
   * @throws IOException when the write would take the workspace past its cap
   */
  public static void charge(long bytes) throws IOException {
    long max = GuardConfig.get().limits().maxDiskBytes();
    long total = usage() + pending.addAndGet(bytes);
    if (total > max) {
      remeasure();
      total = measured.get() + pending.addAndGet(bytes);
      if (total > max) {
        pending.addAndGet(-bytes);
        throw new IOException(full(max));
      }
    }
  }

  /** Throws when the workspace is already at its cap (checked before a file is opened to write). */
  static void ensureRoom() {
    long max = GuardConfig.get().limits().maxDiskBytes();
    if (usage() + pending.get() >= max) {
      remeasure();
      if (measured.get() >= max) {
        throw new SecurityException(full(max));
      }
    }
  }

  private static String full(long max) {
    return "the workspace is full: kernel code may store at most "
        + (max >> 20)
        + " MiB there; delete files you no longer need";
  }

  private static long usage() {
    long m = measured.get();
    if (m < 0 || System.nanoTime() - measuredAt > REMEASURE_NANOS) {
      remeasure();
      m = measured.get();
    }
    return m;
  }

  private static synchronized void remeasure() {
    long[] sum = {0};
    try {
      Files.walkFileTree(
          WorkspaceGuard.workspace(),
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              sum[0] += attrs.size();
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // An unreadable corner of the workspace counts as empty; the OS still bounds it.
    }
    measured.set(sum[0]);
    pending.set(0);
    measuredAt = System.nanoTime();
  }
}
