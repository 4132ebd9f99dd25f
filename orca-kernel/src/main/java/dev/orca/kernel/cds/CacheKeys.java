package dev.orca.kernel.cds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Names cache entries after everything that makes them valid: the java binary and its JDK (path,
 * {@code release} file, module image and JVM library, by size and time), the kernel classpath (each
 * entry by path, size and time), the JVM options and the module list. Any change gives a new name,
 * so a stale entry is never picked up; it is simply no longer used.
 */
final class CacheKeys {
  private CacheKeys() {}

  /** The name of the runtime image for a JDK and a module list. */
  static String image(Path jdkJava, List<String> modules) throws IOException {
    Digest d = new Digest("orca-kernel-image-v1");
    jdk(d, jdkJava);
    d.add("modules", String.join(",", modules));
    return "image-" + d.hex(16);
  }

  /** The name of the class-data sharing archive for a java binary, options and classpath. */
  static String archive(Path java, List<String> jvmOptions, List<Path> classpath)
      throws IOException {
    Digest d = new Digest("orca-kernel-cds-v1");
    jdk(d, java);
    for (String option : jvmOptions) {
      d.add("option", option);
    }
    for (Path entry : classpath) {
      d.add("classpath", entry.toAbsolutePath().normalize().toString());
      d.add("file", stamp(entry));
    }
    return "app-" + d.hex(20) + (aotCache(java) ? ".aot" : ".jsa");
  }

  /**
   * Whether this java binary takes an AOT cache (JDK 25+, JEP 483/514/515: classes loaded and
   * linked, plus method profiles) rather than a dynamic CDS archive (JDK 13+).
   */
  static boolean aotCache(Path java) {
    return featureVersion(java) >= 25;
  }

  /** The JDK's feature version from its {@code release} file, or 0 when unknown. */
  static int featureVersion(Path java) {
    try {
      Path home = java.toRealPath().getParent().getParent();
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String v = line.substring("JAVA_VERSION=".length()).replace("\"", "").strip();
          int end = 0;
          while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
          }
          return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Unknown: treated as the oldest supported JDK.
    }
    return 0;
  }

  /** Path, size and modification time of a file ({@code missing} when absent). */
  static String stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return (a.isDirectory() ? "dir:" : "file:")
          + a.size()
          + ":"
          + a.lastModifiedTime().toMillis();
    } catch (IOException e) {
      return "missing";
    }
  }

  private static void jdk(Digest d, Path java) throws IOException {
    Path real = java.toRealPath();
    d.add("java", real.toString());
    Path home = real.getParent().getParent();
    Path release = home.resolve("release");
    d.add("release", Files.isRegularFile(release) ? Files.readString(release) : "none");
    d.add("modules", stamp(home.resolve("lib").resolve("modules")));
    d.add("libjvm", stamp(home.resolve("lib").resolve("server").resolve("libjvm.so")));
    d.add("base-archive", stamp(home.resolve("lib").resolve("server").resolve("classes.jsa")));
  }

  private static final class Digest {
    private final MessageDigest sha;

    Digest(String domain) {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      add("domain", domain);
    }

    void add(String name, String value) {
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      byte[] v = value.getBytes(StandardCharsets.UTF_8);
      sha.update(Integer.toString(n.length).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) ':');
      sha.update(n);
      sha.update(Integer.toString(v.length).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) ':');
      sha.update(v);
    }

    String hex(int chars) {
      return HexFormat.of().formatHex(sha.digest()).substring(0, chars);
    }
  }
}
