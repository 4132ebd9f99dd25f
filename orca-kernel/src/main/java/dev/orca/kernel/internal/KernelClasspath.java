package dev.orca.kernel.internal;

import dev.orca.core.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The kernel JVM's classpath: the kernel-agent classes plus its runtime dependencies (Jackson,
 * Tablesaw, ASM), and nothing of the host. The dependency list is written by the kernel-agent's
 * build ({@code META-INF/orca/kernel-classpath.txt}); {@code -Dorca.kernel.classpath} overrides
 * everything. When the host runs from the shaded jar, the kernel-agent classes are extracted from
 * it into a jar of their own so that no host class reaches the kernel.
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

  /**
   * Copies the kernel-agent classes out of a fat jar into a private jar (a jar, not a directory:
   * class-data sharing archives only classes that come from jars). The jar is written once per fat
   * jar, so its size and time stay the same for as long as the fat jar does.
   */
  private static Path extractAgent(Path fatJar) {
    return extractAgent(fatJar, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** {@link #extractAgent(Path)} into a given directory (for tests). */
  static Path extractAgent(Path fatJar, Path dir) {
    try {
      String tag =
          Long.toHexString(Files.getLastModifiedTime(fatJar).toMillis() ^ Files.size(fatJar));
      Path jarPath = dir.resolve("orca-kernel-agent-" + tag + ".jar");
      if (ours(jarPath)) {
        return jarPath;
      }
      Path staging = Files.createTempFile(jarPath.getParent(), "orca-kernel-agent-staging", ".jar");
      boolean keepStaging = false;
      try {
        try (JarFile jar = new JarFile(fatJar.toFile());
            JarOutputStream out = new JarOutputStream(Files.newOutputStream(staging))) {
          Enumeration<JarEntry> it = jar.entries();
          while (it.hasMoreElements()) {
            JarEntry entry = it.nextElement();
            String name = entry.getName();
            if (entry.isDirectory() || !(name.startsWith(AGENT_PACKAGE) || name.equals(LIST))) {
              continue;
            }
            JarEntry copy = new JarEntry(name);
            copy.setTime(entry.getTime());
            out.putNextEntry(copy);
            try (InputStream in = jar.getInputStream(entry)) {
              in.transferTo(out);
            }
            out.closeEntry();
          }
        }
        try {
          // A link never replaces a jar another process has just written (its time must not move).
          Files.createLink(jarPath, staging);
        } catch (FileAlreadyExistsException raced) {
          // Another process extracted it first: use theirs if it is ours to trust.
        } catch (IOException | UnsupportedOperationException noLinks) {
          if (!Files.exists(jarPath, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(staging, jarPath, StandardCopyOption.ATOMIC_MOVE);
          }
        }
        if (ours(jarPath)) {
          return jarPath;
        }
        // Something another user (or a link) holds the shared name: use a private copy.
        keepStaging = true;
        staging.toFile().deleteOnExit();
        return staging;
      } finally {
        if (!keepStaging) {
          Files.deleteIfExists(staging);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the kernel agent from " + fatJar, e);
    }
  }

  /**
   * This process's user as the file system sees it: by name, or, when the name has no entry (a
   * container user without one), as the owner of a file this process creates.
   */
  private static UserPrincipal me(Path dir) throws IOException {
    try {
      return dir.getFileSystem()
          .getUserPrincipalLookupService()
          .lookupPrincipalByName(System.getProperty("user.name"));
    } catch (IOException unknownName) {
      Path probe = Files.createTempFile(dir, "orca-owner", ".tmp");
      try {
        return Files.getOwner(probe);
      } finally {
        Files.deleteIfExists(probe);
      }
    }
  }

  /**
   * Whether a file in the shared temporary directory can be trusted as the kernel agent: a regular
   * file (not a link), owned by this process's user, and writable by no one else. Kernel classes
   * from anywhere else would run with the kernel's rights, before its sandbox layers are set up.
   */
  private static boolean ours(Path file) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      if (!Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).equals(me(file.getParent()))) {
        return false;
      }
      Set<PosixFilePermission> perms =
          Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      return !perms.contains(PosixFilePermission.GROUP_WRITE)
          && !perms.contains(PosixFilePermission.OTHERS_WRITE);
    } catch (UnsupportedOperationException e) {
      return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return false;
    }
  }
}
