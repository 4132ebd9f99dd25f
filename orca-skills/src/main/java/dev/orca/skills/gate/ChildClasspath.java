package dev.orca.skills.gate;

import dev.orca.core.OrcaException;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Builds classpaths for child JVMs from the locations of classes this JVM has loaded, so that the
 * same code works from Maven's test runner, an IDE and the shaded {@code orca-all.jar}.
 */
public final class ChildClasspath {

  private ChildClasspath() {}

  /**
   * The classpath holding the given classes.
   *
   * @param classNames binary class names that must be loadable
   * @return entries joined with the path separator, duplicates removed
   * @throws OrcaException when a class is missing or has no file location
   */
  public static String of(String... classNames) {
    Set<String> entries = new LinkedHashSet<>();
    for (String name : classNames) {
      entries.add(locationOf(name).toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  /**
   * The jar or directory a class was loaded from.
   *
   * @param className a binary class name
   * @return its location
   */
  public static Path locationOf(String className) {
    try {
      Class<?> c = Class.forName(className, false, ChildClasspath.class.getClassLoader());
      CodeSource cs = c.getProtectionDomain().getCodeSource();
      if (cs == null || cs.getLocation() == null) {
        throw OrcaException.configuration("No file location for " + className + ".");
      }
      return Path.of(cs.getLocation().toURI());
    } catch (ClassNotFoundException e) {
      throw OrcaException.configuration(
          "The skill gate needs "
              + className
              + " on the classpath; the installation is incomplete (rebuild with ./mvnw install).");
    } catch (URISyntaxException e) {
      throw OrcaException.configuration("Bad location of " + className + ": " + e.getMessage());
    }
  }

  /** The {@code java} launcher of the running JDK. */
  public static Path javaExecutable() {
    Path home = Path.of(System.getProperty("java.home"));
    Path java = home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
    if (!Files.isExecutable(java)) {
      throw OrcaException.configuration("No java launcher at " + java + ".");
    }
    return java;
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
  }
}
