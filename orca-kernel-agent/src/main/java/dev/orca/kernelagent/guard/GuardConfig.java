package dev.orca.kernelagent.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The workspace and limits the guards enforce in this JVM. The kernel's child JVM calls {@link
 * #install} once at start, before any snippet runs. Without it, the first guarded call installs the
 * JVM's working directory (the kernel's workspace, where the launcher starts it) with {@link
 * GuardLimits#defaults()}.
 */
public final class GuardConfig {

  /** What was installed: the workspace's real path and the limits. */
  record Installed(Path workspace, GuardLimits limits) {}

  private static volatile Installed current;

  private GuardConfig() {}

  /**
   * Installs the workspace and limits for this JVM (replacing any earlier installation).
   *
   * @param workspace the only directory kernel code may read and write; created if missing
   * @param limits the caps on threads, open files and disk use
   */
  public static void install(Path workspace, GuardLimits limits) {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(limits, "limits");
    try {
      Files.createDirectories(workspace);
      Path real = workspace.toRealPath();
      current = new Installed(real, limits);
      DiskGuard.reset();
      OpenFilesGuard.reset();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot use workspace " + workspace + ": " + e.getMessage(), e);
    }
  }

  /** Installs the workspace with {@link GuardLimits#defaults()}. */
  public static void install(Path workspace) {
    install(workspace, GuardLimits.defaults());
  }

  /** Whether {@link #install} has been called. */
  public static boolean installed() {
    return current != null;
  }

  static Installed get() {
    Installed c = current;
    if (c == null) {
      synchronized (GuardConfig.class) {
        if (current == null) {
          install(Path.of("").toAbsolutePath(), GuardLimits.defaults());
        }
        c = current;
      }
    }
    return c;
  }
}
