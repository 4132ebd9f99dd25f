package dev.orca.kernelagent.guard;

import java.io.File;

/** The open-file cap: refuses to open another file when the process holds too many. */
final class OpenFilesGuard {

  private static final File FD_DIR = new File("/proc/self/fd");

  private OpenFilesGuard() {}

  static void reset() {
    // Nothing cached: the count is read from /proc/self/fd on every open.
  }

  /** Throws when the kernel process already holds the maximum of open file descriptors. */
  static void beforeOpen() {
    int max = GuardConfig.get().limits().maxOpenFiles();
    String[] open = FD_DIR.list();
    if (open != null && open.length >= max) {
      throw new SecurityException(
          "too many open files in the kernel (limit "
              + max
              + "): close files you no longer need (try-with-resources) before opening more");
    }
  }
}
