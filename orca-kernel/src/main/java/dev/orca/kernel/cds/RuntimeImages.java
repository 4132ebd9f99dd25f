package dev.orca.kernel.cds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runtime images for the sandboxed kernel: {@code jlink --add-modules M} gives a JDK whose module
 * graph is exactly what {@code --limit-modules M} leaves of the full JDK (the modules and what they
 * require, nothing else), but, unlike {@code --limit-modules}, it keeps class-data sharing on (JDK
 * 17 and 25 turn CDS off whenever {@code --limit-modules} is given). The image carries its own
 * default CDS archive ({@code --generate-cds-archive}).
 *
 * <p>An image is built in a staging directory, checked (its {@code java -Xshare:on} starts, and its
 * module list equals the JDK's under {@code --limit-modules}), stamped, and only then renamed into
 * place; {@link #usable} checks the stamp before every use.
 */
final class RuntimeImages {
  static final String STAMP = ".orca-image";
  private static final Duration JLINK_LIMIT = Duration.ofMinutes(10);
  private static final Duration CHECK_LIMIT = Duration.ofMinutes(2);

  private RuntimeImages() {}

  /** The image's java binary. */
  static Path java(Path image) {
    return image.resolve("bin").resolve("java");
  }

  /** Whether an image is complete and unchanged since it was checked. */
  static boolean usable(Path image) {
    Path stamp = image.resolve(STAMP);
    if (!Files.isRegularFile(stamp) || !Files.isExecutable(java(image))) {
      return false;
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(stamp)) {
      p.load(in);
    } catch (IOException e) {
      return false;
    }
    for (String file : watched()) {
      if (!CacheKeys.stamp(image.resolve(file)).equals(p.getProperty(file))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> watched() {
    return List.of("bin/java", "lib/modules", "lib/server/libjvm.so", "lib/server/classes.jsa");
  }

  /**
   * Builds an image.
   *
   * @param jdkJava the full JDK's java binary (its {@code jlink} builds the image)
   * @param modules the root modules
   * @param target where the image goes (must not exist)
   * @param staging an unused path next to the target, for the build
   * @throws BuildFailure when the JDK cannot build or run such an image
   */
  static void build(Path jdkJava, List<String> modules, Path target, Path staging)
      throws IOException, InterruptedException, BuildFailure {
    Path home = jdkJava.toRealPath().getParent().getParent();
    Path jlink = home.resolve("bin").resolve("jlink");
    if (!Files.isExecutable(jlink)) {
      throw new BuildFailure("this JDK has no jlink (" + jlink + ")");
    }
    Path work = target.getParent();
    try {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  jlink.toString(),
                  "--add-modules",
                  String.join(",", modules),
                  "--output",
                  staging.toString(),
                  "--generate-cds-archive",
                  "--no-header-files",
                  "--no-man-pages"));
      BuildProcesses.Outcome linked = BuildProcesses.run(cmd, work, JLINK_LIMIT);
      if (!linked.ok()) {
        throw BuildFailure.of("jlink failed", linked);
      }
      Path java = java(staging);
      if (!Files.isRegularFile(staging.resolve("lib/server/classes.jsa"))) {
        BuildProcesses.Outcome dumped =
            BuildProcesses.run(List.of(java.toString(), "-Xshare:dump"), work, CHECK_LIMIT);
        if (!dumped.ok()) {
          throw BuildFailure.of("the image's CDS archive failed", dumped);
        }
      }
      BuildProcesses.Outcome starts =
          BuildProcesses.run(
              List.of(java.toString(), "-Xshare:on", "-Xlog:disable", "-version"),
              work,
              CHECK_LIMIT);
      if (!starts.ok()) {
        throw BuildFailure.of("the image does not start with CDS", starts);
      }
      String imageModules = moduleList(List.of(java.toString()), work);
      String limitedModules =
          moduleList(
              List.of(jdkJava.toString(), "--limit-modules", String.join(",", modules)), work);
      if (!imageModules.equals(limitedModules)) {
        throw new BuildFailure(
            "the image's modules ("
                + imageModules
                + ") differ from the JDK's under --limit-modules ("
                + limitedModules
                + ")");
      }
      Properties p = new Properties();
      for (String file : watched()) {
        p.setProperty(file, CacheKeys.stamp(staging.resolve(file)));
      }
      p.setProperty("jdk", home.toString());
      p.setProperty("modules", imageModules);
      try (OutputStream out = Files.newOutputStream(staging.resolve(STAMP))) {
        p.store(out, "Orca kernel runtime image; checked before every use");
      }
      Files.move(staging, target);
    } finally {
      CacheFiles.deleteTree(staging);
    }
  }

  private static String moduleList(List<String> java, Path work)
      throws IOException, InterruptedException, BuildFailure {
    List<String> cmd = new ArrayList<>(java);
    cmd.add("-Xlog:disable");
    cmd.add("--list-modules");
    BuildProcesses.Outcome listed = BuildProcesses.run(cmd, work, CHECK_LIMIT);
    if (!listed.ok()) {
      throw BuildFailure.of("cannot list modules", listed);
    }
    List<String> names = new ArrayList<>();
    for (String line : listed.output().split("\n")) {
      String name = line.strip();
      int at = name.indexOf('@');
      if (!name.isEmpty()) {
        names.add(at < 0 ? name : name.substring(0, at));
      }
    }
    names.sort(null);
    return String.join(",", names);
  }

  /** A build that failed; the reason is shown to the user. */
  static final class BuildFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean lasting;

    /** A failure that will happen again (not retried for a while). */
    BuildFailure(String message) {
      this(message, true);
    }

    BuildFailure(String message, boolean lasting) {
      super(message);
      this.lasting = lasting;
    }

    /** A failed step: lasting unless it only ran out of time. */
    static BuildFailure of(String what, BuildProcesses.Outcome outcome) {
      return new BuildFailure(what + " (" + outcome.describe() + ")", !outcome.timedOut());
    }

    /** A failure that may not happen again (a busy machine): tried again at the next start. */
    static BuildFailure passing(String message) {
      return new BuildFailure(message, false);
    }

    /** Whether trying again soon would fail the same way. */
    boolean lasting() {
      return lasting;
    }
  }
}
