package dev.orca.kernelagent.guard;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Confines file access to the workspace. The sandbox rewrites every call in kernel code that hands
 * a {@link Path}, {@link File} or file name to a library method so that the argument passes through
 * here first. A path is resolved as the operating system would (relative to the working directory,
 * following symbolic links on its existing prefix) and refused unless it stays inside the
 * workspace. Each method returns its argument unchanged, so the original call proceeds with it.
 */
public final class WorkspaceGuard {

  private WorkspaceGuard() {}

  /**
   * Checks a path that kernel code reads, lists or inspects.
   *
   * @param path the path as kernel code gave it
   * @return {@code path}
   * @throws SecurityException when the path leaves the workspace
   */
  public static Path check(Path path) {
    if (path != null) {
      inside(path, path.toString());
    }
    return path;
  }

  /** Checks a {@link File}; see {@link #check(Path)}. */
  public static File check(File file) {
    if (file != null) {
      inside(toPath(file), file.getPath());
    }
    return file;
  }

  /** Checks a file name given as a string; see {@link #check(Path)}. */
  public static String checkName(String name) {
    if (name != null) {
      inside(toPath(name), name);
    }
    return name;
  }

  /** Checks a path about to be opened: location and the open-file cap. */
  public static Path open(Path path) {
    check(path);
    OpenFilesGuard.beforeOpen();
    return path;
  }

  /** Checks a {@link File} about to be opened: location and the open-file cap. */
  public static File open(File file) {
    check(file);
    OpenFilesGuard.beforeOpen();
    return file;
  }

  /** Checks a file name about to be opened: location and the open-file cap. */
  public static String openName(String name) {
    checkName(name);
    OpenFilesGuard.beforeOpen();
    return name;
  }

  /** Checks a path about to be written: location, the open-file cap and room on the disk cap. */
  public static Path write(Path path) {
    open(path);
    DiskGuard.ensureRoom();
    return path;
  }

  /** Checks a {@link File} about to be written; see {@link #write(Path)}. */
  public static File write(File file) {
    open(file);
    DiskGuard.ensureRoom();
    return file;
  }

  /** Checks a file name about to be written; see {@link #write(Path)}. */
  public static String writeName(String name) {
    openName(name);
    DiskGuard.ensureRoom();
    return name;
  }

  /** The workspace's real path (for the guards' own use). */
  static Path workspace() {
    return GuardConfig.get().workspace();
  }

  private static Path toPath(File file) {
    try {
      return file.toPath();
    } catch (InvalidPathException e) {
      throw new SecurityException("not a valid file name: " + file.getPath(), e);
    }
  }

  private static Path toPath(String name) {
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      throw new SecurityException("not a valid file name: " + name, e);
    }
  }

  private static void inside(Path path, String shown) {
    Path workspace = workspace();
    if (path.getClass().getClassLoader() != null
        || path.getFileSystem() != FileSystems.getDefault()) {
      throw new SecurityException(
          "only paths of the default file system may be used in the kernel: " + shown);
    }
    Path real = resolve(path.toAbsolutePath(), shown);
    if (!real.startsWith(workspace)) {
      throw denied(shown, real);
    }
  }

  /** Resolves symbolic links on the longest existing prefix, as the OS would. */
  private static Path resolve(Path absolute, String shown) {
    Path root = absolute.getRoot();
    int count = absolute.getNameCount();
    for (int i = count; i >= 0; i--) {
      Path prefix = i == 0 ? root : root.resolve(absolute.subpath(0, i));
      Path real;
      try {
        real = prefix.toRealPath();
      } catch (NoSuchFileException e) {
        continue;
      } catch (IOException e) {
        throw new SecurityException(
            "file access refused, cannot resolve " + shown + ": " + e.getMessage(), e);
      }
      if (i == count) {
        return real;
      }
      Path first = absolute.getName(i);
      if (Files.isSymbolicLink(real.resolve(first.toString()))) {
        throw new SecurityException(
            "file access through a dangling symbolic link is not allowed: " + shown);
      }
      Path rest = absolute.subpath(i, count);
      for (Path part : rest) {
        if (part.toString().equals("..")) {
          throw new SecurityException(
              "file access with '..' after a missing directory is not allowed: " + shown);
        }
      }
      return real.resolve(rest.toString()).normalize();
    }
    throw denied(shown, absolute);
  }

  private static SecurityException denied(String shown, Path real) {
    String message = "file access outside the workspace is not allowed: " + shown;
    if (!real.toString().equals(shown)) {
      message += " (resolves to " + real + ")";
    }
    return new SecurityException(
        message + "; kernel code may only use files under " + workspace() + " (relative paths)");
  }
}
