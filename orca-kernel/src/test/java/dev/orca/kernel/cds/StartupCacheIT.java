package dev.orca.kernel.cds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.kernel.SandboxMode;
import dev.orca.kernel.internal.KernelLauncher;
import dev.orca.kernel.sandbox.OsSandbox;
import dev.orca.kernel.sandbox.OsSandboxes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up cache with real kernels: built after a start, used, ignored when broken, and set
 * aside when a kernel fails to start with it. The build turns the cache off for every test ({@code
 * -Dorca.kernel.cds=off}); this class turns it on for itself, with its own directories. The runtime
 * image is kept in {@code target/cds-it-cache} between runs (entries are keyed by their inputs),
 * and the first test's archive is reused by the second, so that a run trains two archives and links
 * one image at most.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartupCacheIT {
  private static final String MODULES =
      "jdk.jshell,jdk.zipfs,jdk.unsupported,java.sql,jdk.charsets,jdk.localedata";

  /** The archive the first test built (for the sandbox-off kernel), reused by the second. */
  private static Path offArchive;

  /** Lives as long as the class: the first test's cache, which the second copies from. */
  @TempDir static Path shared;

  @TempDir Path tmp;
  private String enabledBefore;

  @BeforeEach
  void turnOnAndBuildSoon() {
    enabledBefore = System.getProperty(StartupCache.ENABLED_PROPERTY);
    System.setProperty(StartupCache.ENABLED_PROPERTY, "auto");
    StartupCache.backgroundDelay = Duration.ofSeconds(1);
  }

  @AfterEach
  void restoreProperties() {
    if (enabledBefore == null) {
      System.clearProperty(StartupCache.ENABLED_PROPERTY);
    } else {
      System.setProperty(StartupCache.ENABLED_PROPERTY, enabledBefore);
    }
    System.clearProperty(StartupCache.DIR_PROPERTY);
    StartupCache.backgroundDelay = Duration.ofSeconds(20);
  }

  private static String cdsLine(JShellKernel kernel) {
    return kernel.info().sandboxLayers().stream()
        .filter(l -> l.startsWith(StartupCache.LAYER))
        .findFirst()
        .orElseThrow();
  }

  private static void onePlusOne(JShellKernel kernel) {
    ExecutionResult result = kernel.execute("1 + 1");
    assertThat(result).isInstanceOf(ExecutionResult.Success.class);
    assertThat(((ExecutionResult.Success) result).value()).isEqualTo("2");
  }

  private static List<Path> archives(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("app-[0-9a-f]+\\.(jsa|aot)"))
          .toList();
    }
  }

  @Test
  @Order(1)
  void theArchiveIsCreatedAfterTheFirstStart_andUsedByTheNext() throws Exception {
    Path dir = shared.resolve("cds");
    System.setProperty(StartupCache.DIR_PROPERTY, dir.toString());
    KernelOptions options =
        KernelOptions.defaults(tmp.resolve("workspace")).withSandbox(SandboxMode.OFF);

    try (JShellKernel first = JShellKernel.start(options)) {
      onePlusOne(first);
      assertThat(cdsLine(first)).contains("being built in the background");
    }
    assertThat(StartupCache.at(dir).awaitIdle(Duration.ofMinutes(10))).isTrue();
    List<Path> built = archives(dir);
    assertThat(built).hasSize(1);
    assertThat(ArchiveTraining.usable(built.get(0))).isTrue();
    offArchive = built.get(0);

    try (JShellKernel second = JShellKernel.start(options)) {
      onePlusOne(second);
      assertThat(cdsLine(second))
          .contains(built.get(0).toString())
          .contains("(used: mapped by the kernel JVM)");
    }
  }

  @Test
  @Order(2)
  void anArchiveTheJvmRejects_isIgnoredAndTheKernelStillStarts() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("cds"));
    System.setProperty(StartupCache.DIR_PROPERTY, dir.toString());
    KernelOptions options =
        KernelOptions.defaults(tmp.resolve("workspace")).withSandbox(SandboxMode.OFF);
    if (offArchive != null && ArchiveTraining.usable(offArchive)) {
      // The stamp holds the archive's time: keep it.
      Files.copy(
          offArchive, dir.resolve(offArchive.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      Files.copy(
          ArchiveTraining.stampOf(offArchive),
          ArchiveTraining.stampOf(dir.resolve(offArchive.getFileName())));
    }
    // The broken archives below ask for a rebuild: not within this test run.
    StartupCache.backgroundDelay = Duration.ofHours(1);
    StartupCache.Plan plan =
        new KernelLauncher(options, OsSandbox.NONE).prepareStartupCache().get(10, TimeUnit.MINUTES);
    Path archive = plan.archive();
    assertThat(archive).as(plan.cdsNote()).isNotNull();

    // Garbage the cache's own checks accept (re-stamped): only the JVM can refuse it.
    byte[] garbage = new byte[(int) Files.size(archive)];
    new java.util.Random(7).nextBytes(garbage);
    Files.delete(archive);
    Files.write(archive, garbage);
    ArchiveTraining.writeStamp(archive, "corrupted by a test");
    try (JShellKernel kernel = JShellKernel.start(options)) {
      onePlusOne(kernel);
      assertThat(cdsLine(kernel)).contains("NOT used");
    }

    // Truncated and not re-stamped: the cache does not hand it to the JVM (JDK 17 would crash).
    FileTime time = Files.getLastModifiedTime(archive);
    Files.write(archive, java.util.Arrays.copyOf(garbage, garbage.length / 2));
    Files.setLastModifiedTime(archive, time);
    try (JShellKernel kernel = JShellKernel.start(options)) {
      onePlusOne(kernel);
      assertThat(cdsLine(kernel)).doesNotContain(archive.toString());
    }
  }

  @Test
  @Order(3)
  void theSandboxedKernel_runsFromARuntimeImageWithTheSameModulesAndItsArchive() throws Exception {
    // Kept between runs (entries are keyed by their inputs): the image takes a while to build.
    Path dir = Path.of("target", "cds-it-cache").toAbsolutePath();
    System.setProperty(StartupCache.DIR_PROPERTY, dir.toString());
    KernelOptions options =
        KernelOptions.defaults(tmp.resolve("workspace")).withSandbox(SandboxMode.AUTO);
    OsSandbox os = OsSandboxes.detect();
    StartupCache.Plan plan =
        new KernelLauncher(options, os).prepareStartupCache().get(20, TimeUnit.MINUTES);
    assertThat(plan.image()).as(plan.cdsNote()).isNotNull();
    assertThat(plan.archive()).as(plan.cdsNote()).isNotNull();
    assertThat(plan.options()).noneMatch(o -> o.startsWith("--limit-modules"));

    Path jdkJava = Path.of(System.getProperty("java.home"), "bin", "java");
    assertThat(modules(plan.java().toString()))
        .isEqualTo(modules(jdkJava.toString(), "--limit-modules", MODULES))
        .doesNotContain("java.naming", "java.rmi", "java.management", "java.desktop");

    try (JShellKernel kernel = JShellKernel.start(options)) {
      onePlusOne(kernel);
      List<String> layers = kernel.info().sandboxLayers();
      assertThat(layers).anyMatch(l -> l.contains("runtime image with only"));
      assertThat(cdsLine(kernel)).contains("(used: mapped by the kernel JVM)");
      if (os.available()) {
        assertThat(layers).anyMatch(l -> l.startsWith("OS isolation"));
      }
    }
  }

  @Test
  @Order(4)
  void aRuntimeImageTheKernelCannotStartWith_isSetAsideAndTheKernelStartsWithout()
      throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("cds"));
    System.setProperty(StartupCache.DIR_PROPERTY, dir.toString());
    Path jdkJava = Path.of(System.getProperty("java.home"), "bin", "java");
    // An image that passes the cache's checks but whose java cannot start a kernel.
    Path image = dir.resolve(CacheKeys.image(jdkJava, List.of(MODULES.split(","))));
    Path java = RuntimeImages.java(image);
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\necho broken image >&2\nexit 3\n");
    java.toFile().setExecutable(true);
    java.util.Properties stamp = new java.util.Properties();
    for (String file :
        List.of("bin/java", "lib/modules", "lib/server/libjvm.so", "lib/server/classes.jsa")) {
      stamp.setProperty(file, CacheKeys.stamp(image.resolve(file)));
    }
    try (var out = Files.newOutputStream(image.resolve(RuntimeImages.STAMP))) {
      stamp.store(out, "test");
    }
    assertThat(RuntimeImages.usable(image)).isTrue();

    KernelOptions options =
        KernelOptions.defaults(tmp.resolve("workspace")).withSandbox(SandboxMode.AUTO);
    try (JShellKernel kernel = JShellKernel.start(options)) {
      onePlusOne(kernel);
      assertThat(kernel.info().sandboxLayers())
          .anyMatch(l -> l.contains("--limit-modules " + MODULES))
          .noneMatch(l -> l.contains("runtime image with only"));
      assertThat(cdsLine(kernel)).contains("a start with it failed");
    }
    assertThat(RuntimeImages.usable(image)).isFalse();
    assertThat(CacheFiles.recentFailure(image)).contains("a kernel failed to start with it");

    // The next kernel does not try it again.
    try (JShellKernel kernel = JShellKernel.start(options)) {
      onePlusOne(kernel);
      assertThat(cdsLine(kernel)).contains("could not be built");
    }
    assertThat(StartupCache.at(dir).awaitIdle(Duration.ofSeconds(30))).isTrue();
  }

  private static List<String> modules(String... java) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.add("--list-modules");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> names = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        names.add(line.strip().replaceAll("@.*", ""));
      }
    }
    names.sort(null);
    return names;
  }
}
