package dev.orca.kernelagent.guard;

import java.util.Set;

/**
 * {@code System.getProperty} as kernel code gets it: harmless keys (versions, separators, the
 * working directory) answer as usual; every other key is refused, since system properties can carry
 * secrets and host details.
 */
public final class SystemGuard {

  /** The properties kernel code may read. */
  public static final Set<String> ALLOWED =
      Set.of(
          "java.version",
          "java.specification.version",
          "java.vendor",
          "java.vm.name",
          "java.vm.version",
          "java.runtime.version",
          "java.class.version",
          "os.name",
          "os.arch",
          "os.version",
          "line.separator",
          "file.separator",
          "path.separator",
          "file.encoding",
          "native.encoding",
          "stdout.encoding",
          "sun.jnu.encoding",
          "user.dir",
          "user.language",
          "user.country",
          "user.timezone");

  private SystemGuard() {}

  /** See {@link System#getProperty(String)}. */
  public static String getProperty(String key) {
    return System.getProperty(allowed(key));
  }

  /** See {@link System#getProperty(String, String)}. */
  public static String getProperty(String key, String def) {
    return System.getProperty(allowed(key), def);
  }

  private static String allowed(String key) {
    if (key != null && !ALLOWED.contains(key)) {
      throw new SecurityException(
          "system property '"
              + key
              + "' is not available in the kernel; readable: "
              + String.join(", ", new java.util.TreeSet<>(ALLOWED)));
    }
    return key;
  }
}
