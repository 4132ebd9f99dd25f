package dev.orca.kernel.internal;

import dev.orca.core.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The kernel JVM's classpath: the kernel-agent classes plus its runtime dependencies (Jackson,
 * Tablesaw, ASM), and nothing of the host. The dependency list is written by the kernel-agent's
 * build ({@code META-INF/orca/kernel-classpath.txt}); {@code -Dorca.kernel.classpath} overrides
 * everything. When the host runs from the shaded jar, the kernel-agent classes are extracted from
 * it so that no host class reaches the kernel.
 */
public final class KernelClasspath {
  /** System property that replaces the computed classpath. */
  public static final String OVERRIDE = "orca.kernel.classpath";

  private static final String LIST = "META-INF/orca/kernel-classpath.txt";
  private static final String AGENT_PACKAGE = "dev/orca/kernelagent/";
  private static volatile List<Path> cached;

  private KernelClasspath() {}

  /** The classpath entries, resolved once per host process. */
  public static List<Path> entries() {
    List<Path> result = cached;
    if (result == null) {
      result = resolve();
      cached = result;
    }
    return result;
  }

  private static List<Path> resolve() {
    String override = System.getProperty(OVERRIDE);
    if (override != null && !override.isBlank()) {
      return split(override);
    }
    List<Path> entries = new ArrayList<>();
    entries.add(agentLocation());
    try (InputStream in = KernelClasspath.class.getClassLoader().getResourceAsStream(LIST)) {
      if (in == null) {
        throw new ConfigurationException(
            "The kernel classpath list "
                + LIST
                + " is missing: rebuild Orca (./mvnw -q install -DskipTests) or set -D"
                + OVERRIDE,
            null);
      }
      for (Path p : split(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
        if (!Files.exists(p)) {
          throw new ConfigurationException(
              "A kernel library is missing: "
                  + p
                  + ". Rebuild Orca (bin/orca rebuilds when sources change; or ./mvnw -q install"
                  + " -DskipTests).",
              null);
        }
        entries.add(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(entries);
  }

  private static List<Path> split(String text) {
    List<Path> out = new ArrayList<>();
    for (String part : text.split("[\\n" + java.io.File.pathSeparator + "]")) {
      if (!part.isBlank()) {
        out.add(Path.of(part.strip()));
      }
    }
    return out;
  }

  private static Path agentLocation() {
    Class<?> main;
    try {
      main = Class.forName("dev.orca.kernelagent.KernelMain");
    } catch (ClassNotFoundException e) {
      throw new ConfigurationException("The kernel agent is not on the classpath", e);
    }
    CodeSource source = main.getProtectionDomain().getCodeSource();
    if (source == null) {
      throw new ConfigurationException("Cannot locate the kernel agent's classes", null);
    }
    Path location;
    try {
      URL url = source.getLocation();
      location = Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new ConfigurationException("Cannot locate the kernel agent's classes", e);
    }
    if (Files.isDirectory(location)
        || location.getFileName().toString().startsWith("orca-kernel-agent")) {
      return location;
    }
    return extractAgent(location);
  }

  /** Copies the kernel-agent classes out of a fat jar into a private directory. */
  private static Path extractAgent(Path fatJar) {
    try {
      String tag =
          Long.toHexString(Files.getLastModifiedTime(fatJar).toMillis() ^ Files.size(fatJar));
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "orca-kernel-agent-" + tag);
      Path done = dir.resolve(".complete");
      if (Files.exists(done)) {
        return dir;
      }
      Path staging = Files.createTempDirectory("orca-kernel-agent-staging");
      try (JarFile jar = new JarFile(fatJar.toFile())) {
        Enumeration<JarEntry> it = jar.entries();
        while (it.hasMoreElements()) {
          JarEntry entry = it.nextElement();
          String name = entry.getName();
          if (entry.isDirectory() || !(name.startsWith(AGENT_PACKAGE) || name.equals(LIST))) {
            continue;
          }
          Path target = staging.resolve(name);
          Files.createDirectories(target.getParent());
          try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      Files.createFile(staging.resolve(".complete"));
      try {
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        if (!Files.exists(done)) {
          throw raced;
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the kernel agent from " + fatJar, e);
    }
  }
}
