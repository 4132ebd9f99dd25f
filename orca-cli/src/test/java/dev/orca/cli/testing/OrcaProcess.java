package dev.orca.cli.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Builds command lines that run {@code orca} in a separate JVM from this build: either from the
 * test JVM's own classpath (main class {@code dev.orca.cli.OrcaMain}) or from the shaded jar.
 */
public final class OrcaProcess {

  private OrcaProcess() {}

  /** The {@code java} executable running the tests. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The test JVM's classpath as a path list, expanding surefire's manifest-only booter jar.
   *
   * @return the classpath
   */
  public static String classpath() {
    String cp = System.getProperty("java.class.path");
    String[] entries = cp.split(File.pathSeparator);
    if (entries.length == 1 && entries[0].contains("surefirebooter")) {
      try (JarFile jar = new JarFile(entries[0])) {
        Manifest mf = jar.getManifest();
        List<String> paths = new ArrayList<>();
        for (String url : mf.getMainAttributes().getValue("Class-Path").split(" ")) {
          if (!url.isBlank()) {
            paths.add(Path.of(URI.create(url)).toString());
          }
        }
        return String.join(File.pathSeparator, paths);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the surefire booter jar", e);
      }
    }
    return cp;
  }

  /** {@code java -cp CLASSPATH dev.orca.cli.OrcaMain ARGS...}. */
  public static List<String> fromClasspath(String... args) {
    List<String> cmd = new ArrayList<>(List.of(java()));
    cmd.addAll(inheritedProperties());
    cmd.addAll(List.of("-cp", classpath(), "dev.orca.cli.OrcaMain"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * The test JVM's settings that the {@code orca} process must share: the kernel start-up cache
   * switch ({@code orca.kernel.cds}, {@code off} in the build, so that no test's Orca home builds a
   * runtime image and archive).
   */
  static List<String> inheritedProperties() {
    List<String> out = new ArrayList<>();
    for (String name : List.of("orca.kernel.cds", "orca.kernel.cds.dir")) {
      String value = System.getProperty(name);
      if (value != null) {
        out.add("-D" + name + "=" + value);
      }
    }
    return out;
  }

  /** The shaded jar built by {@code package}, {@code orca-cli/target/orca-all.jar}. */
  public static Path shadedJar() {
    Path jar = Path.of("target", "orca-all.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException("no shaded jar at " + jar + ": run the package phase first");
    }
    return jar;
  }

  /** {@code java -jar orca-all.jar ARGS...}. */
  public static List<String> fromShadedJar(String... args) {
    List<String> cmd = new ArrayList<>(List.of(java()));
    cmd.addAll(inheritedProperties());
    cmd.addAll(List.of("-jar", shadedJar().toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }
}
