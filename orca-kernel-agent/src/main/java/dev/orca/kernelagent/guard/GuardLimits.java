package dev.orca.kernelagent.guard;

/**
 * Resource caps for kernel code.
 *
 * @param maxThreads threads kernel code may have running at once (its own threads and executor
 *     workers; the common fork-join pool used by parallel streams is not counted)
 * @param maxOpenFiles file descriptors the kernel process may hold open when kernel code opens
 *     another file
 * @param maxDiskBytes bytes the workspace may hold; writes beyond it fail
 */
public record GuardLimits(int maxThreads, int maxOpenFiles, long maxDiskBytes) {

  /** Default cap on threads started by kernel code. */
  public static final int DEFAULT_MAX_THREADS = 16;

  /** Default cap on open file descriptors of the kernel process. */
  public static final int DEFAULT_MAX_OPEN_FILES = 512;

  /** Default cap on workspace disk use: 1 GiB. */
  public static final long DEFAULT_MAX_DISK_BYTES = 1L << 30;

  /** Validates. */
  public GuardLimits {
    if (maxThreads < 1) {
      throw new IllegalArgumentException("maxThreads must be at least 1: " + maxThreads);
    }
    if (maxOpenFiles < 16) {
      throw new IllegalArgumentException("maxOpenFiles must be at least 16: " + maxOpenFiles);
    }
    if (maxDiskBytes < 1) {
      throw new IllegalArgumentException("maxDiskBytes must be positive: " + maxDiskBytes);
    }
  }

  /** 16 threads, 512 open files, 1 GiB of workspace. */
  public static GuardLimits defaults() {
    return new GuardLimits(DEFAULT_MAX_THREADS, DEFAULT_MAX_OPEN_FILES, DEFAULT_MAX_DISK_BYTES);
  }
}
