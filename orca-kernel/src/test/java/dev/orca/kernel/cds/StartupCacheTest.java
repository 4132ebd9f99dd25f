package dev.orca.kernel.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up cache's decisions, without starting kernels. */
class StartupCacheTest {
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
  private static final List<String> MAIN = List.of("dev.orca.kernelagent.KernelMain");
  private static final List<String> OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

  @TempDir Path tmp;
  private String enabledBefore;

  /** The build turns the cache off for every test; these tests are about it, so turn it on. */
  @BeforeEach
  void turnOn() {
    enabledBefore = System.getProperty(StartupCache.ENABLED_PROPERTY);
    System.setProperty(StartupCache.ENABLED_PROPERTY, "auto");
  }

  @AfterEach
  void restoreProperties() {
    if (enabledBefore == null) {
      System.clearProperty(StartupCache.ENABLED_PROPERTY);
    } else {
      System.setProperty(StartupCache.ENABLED_PROPERTY, enabledBefore);
    }
    System.clearProperty(StartupCache.DIR_PROPERTY);
  }

  private Path jar(String name, String content) throws IOException {
    Path jar = tmp.resolve(name);
    Files.writeString(jar, content);
    return jar;
  }

  private StartupCache.Request request(List<String> modules, List<Path> classpath) {
    return new StartupCache.Request(
        JAVA, modules, OPTIONS, classpath, MAIN, tmp.resolve("home/workspace"));
  }

  @Test
  void archiveName_changesWithEachInputAndOnlyThen() throws IOException {
    Path a = jar("a.jar", "aaaa");
    Path b = jar("b.jar", "bbbb");
    String name = CacheKeys.archive(JAVA, OPTIONS, List.of(a, b));

    assertThat(CacheKeys.archive(JAVA, OPTIONS, List.of(a, b))).isEqualTo(name);
    assertThat(CacheKeys.archive(JAVA, List.of("-Xmx256m", "-XX:+UseSerialGC"), List.of(a, b)))
        .isNotEqualTo(name);
    assertThat(CacheKeys.archive(JAVA, OPTIONS, List.of(b, a))).isNotEqualTo(name);
    assertThat(CacheKeys.archive(JAVA, OPTIONS, List.of(a))).isNotEqualTo(name);

    Files.setLastModifiedTime(b, FileTime.from(Instant.now().minusSeconds(3600)));
    String touched = CacheKeys.archive(JAVA, OPTIONS, List.of(a, b));
    assertThat(touched).isNotEqualTo(name);

    Files.writeString(b, "bbbbb");
    Files.setLastModifiedTime(b, FileTime.from(Instant.now().minusSeconds(3600)));
    assertThat(CacheKeys.archive(JAVA, OPTIONS, List.of(a, b))).isNotEqualTo(touched);
    assertThat(name).startsWith("app-").endsWith(CacheKeys.aotCache(JAVA) ? ".aot" : ".jsa");
  }

  @Test
  void imageName_changesWithTheModules() throws IOException {
    String image = CacheKeys.image(JAVA, List.of("jdk.jshell", "java.sql"));
    assertThat(CacheKeys.image(JAVA, List.of("jdk.jshell", "java.sql"))).isEqualTo(image);
    assertThat(CacheKeys.image(JAVA, List.of("jdk.jshell"))).isNotEqualTo(image);
    assertThat(image).startsWith("image-");
  }

  @Test
  void defaultDirectory_isTheHomesCacheOrTheConfiguredOne() throws IOException {
    Path home = tmp.resolve("home");
    Files.createDirectories(home.resolve("cache"));
    assertThat(StartupCache.defaultDirectory(home.resolve("workspace")))
        .isEqualTo(home.resolve("cache").resolve("cds"));

    System.setProperty(StartupCache.DIR_PROPERTY, tmp.resolve("elsewhere").toString());
    assertThat(StartupCache.defaultDirectory(home.resolve("workspace")))
        .isEqualTo(tmp.resolve("elsewhere"));
  }

  @Test
  void plan_withoutEntries_limitsModulesAsBeforeAndAsksForTheImage() throws IOException {
    StartupCache cache = StartupCache.recordingOnly(tmp.resolve("cds"));
    StartupCache.Plan plan =
        cache.plan(request(List.of("jdk.jshell", "java.sql"), List.of(jar("a.jar", "a"))));

    assertThat(plan.java()).isEqualTo(JAVA);
    assertThat(plan.options()).containsExactly("--limit-modules", "jdk.jshell,java.sql");
    assertThat(plan.archive()).isNull();
    assertThat(plan.image()).isNull();
    assertThat(plan.cdsNote()).contains("being built in the background");
    assertThat(cache.requested())
        .containsExactly(
            tmp.resolve("cds").resolve(CacheKeys.image(JAVA, List.of("jdk.jshell", "java.sql"))));
  }

  @Test
  void plan_whenOff_changesNothingAndBuildsNothing() throws IOException {
    System.setProperty(StartupCache.ENABLED_PROPERTY, "off");
    StartupCache cache = StartupCache.recordingOnly(tmp.resolve("cds"));
    StartupCache.Plan plan = cache.plan(request(List.of("jdk.jshell"), List.of(jar("a.jar", "a"))));

    assertThat(plan.options()).containsExactly("--limit-modules", "jdk.jshell");
    assertThat(plan.cdsNote()).contains("-Dorca.kernel.cds=off");
    assertThat(cache.requested()).isEmpty();
  }

  @Test
  void disabledBy_thePropertyWinsAndOffSpellingsCount() {
    System.setProperty(StartupCache.ENABLED_PROPERTY, "auto");
    assertThat(StartupCache.disabledBy()).isEmpty();
    assertThat(StartupCache.enabled()).isTrue();
    for (String off : List.of("off", "OFF", " false ", "0")) {
      System.setProperty(StartupCache.ENABLED_PROPERTY, off);
      assertThat(StartupCache.disabledBy()).contains("-Dorca.kernel.cds=" + off.strip());
    }
    System.clearProperty(StartupCache.ENABLED_PROPERTY);
    // Without the property, the environment decides (the build sets ORCA_KERNEL_CDS=off).
    String env = System.getenv(StartupCache.ENV);
    boolean envOff = env != null && env.strip().equalsIgnoreCase("off");
    assertThat(StartupCache.enabled()).isEqualTo(!envOff);
    if (envOff) {
      assertThat(StartupCache.disabledBy()).contains("ORCA_KERNEL_CDS=" + env.strip());
    }
  }

  @Test
  void describeState_saysOnOrOffAndWhatTheCacheHolds() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("cds"));
    Files.write(dir.resolve("app-1.jsa"), new byte[2 * 1024 * 1024]);
    Files.createDirectories(dir.resolve("image-1/lib"));
    Files.writeString(dir.resolve("image-2.failed"), "jlink failed");
    StartupCache cache = StartupCache.recordingOnly(dir);

    assertThat(cache.describeState())
        .startsWith("on; " + dir)
        .contains("1 runtime image(s), 1 archive(s), 2 MiB")
        .contains("1 failed build(s)");
    System.setProperty(StartupCache.ENABLED_PROPERTY, "off");
    assertThat(cache.describeState()).startsWith("off (-Dorca.kernel.cds=off)");
  }

  @Test
  void reject_setsTheEntriesAsideForADay() throws IOException {
    Path cp = jar("a.jar", "a");
    Path dir = Files.createDirectories(tmp.resolve("cds"));
    StartupCache cache = StartupCache.recordingOnly(dir);
    Path archive = dir.resolve(CacheKeys.archive(JAVA, OPTIONS, List.of(cp)));
    Files.write(archive, new byte[8192]);
    ArchiveTraining.writeStamp(archive, "test");
    StartupCache.Plan plan = cache.plan(request(List.of(), List.of(cp)));
    assertThat(plan.usesCache()).isTrue();

    cache.reject(plan, "the JVM exited with 1");

    StartupCache.Plan next = cache.plan(request(List.of(), List.of(cp)));
    assertThat(next.usesCache()).isFalse();
    assertThat(next.options()).isEmpty();
    assertThat(next.cdsNote()).contains("could not be built").contains("the JVM exited with 1");
    assertThat(cache.requested()).isEmpty();
  }

  @Test
  void plan_refusesACacheInsideTheWorkspace() throws IOException {
    Path workspace = tmp.resolve("ws");
    StartupCache cache = StartupCache.recordingOnly(workspace.resolve("cache"));
    StartupCache.Plan plan =
        cache.plan(
            new StartupCache.Request(
                JAVA, List.of(), OPTIONS, List.of(jar("a.jar", "a")), MAIN, workspace));

    assertThat(plan.archive()).isNull();
    assertThat(plan.options()).isEmpty();
    assertThat(plan.cdsNote()).contains("inside the kernel's workspace");
    assertThat(cache.requested()).isEmpty();
  }

  @Test
  void plan_withADirectoryOnTheClasspath_usesNoArchive() throws IOException {
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    StartupCache cache = StartupCache.recordingOnly(tmp.resolve("cds"));
    StartupCache.Plan plan = cache.plan(request(List.of(), List.of(classes)));

    assertThat(plan.archive()).isNull();
    assertThat(plan.options()).isEmpty();
    assertThat(plan.cdsNote()).contains("a directory");
    assertThat(cache.requested()).isEmpty();
  }

  @Test
  void archive_isUsedOnlyWhileItMatchesItsStamp() throws IOException {
    Path cp = jar("a.jar", "a");
    Path dir = Files.createDirectories(tmp.resolve("cds"));
    StartupCache cache = StartupCache.recordingOnly(dir);
    Path archive = dir.resolve(CacheKeys.archive(JAVA, OPTIONS, List.of(cp)));
    byte[] content = new byte[64 * 1024];
    content[0] = 42;
    Files.write(archive, content);

    // Without its stamp (a build that did not finish) the archive is not used.
    assertThat(cache.plan(request(List.of(), List.of(cp))).archive()).isNull();

    ArchiveTraining.writeStamp(archive, "test");
    StartupCache.Plan plan = cache.plan(request(List.of(), List.of(cp)));
    assertThat(plan.archive()).isEqualTo(archive);
    assertThat(plan.options())
        .containsExactly(
            (CacheKeys.aotCache(JAVA) ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
    assertThat(plan.readOnlyPaths()).contains(archive);

    // Truncated (JDK 17 crashes on such an archive rather than ignoring it): not used.
    Files.write(archive, java.util.Arrays.copyOf(content, 32 * 1024));
    assertThat(cache.plan(request(List.of(), List.of(cp))).archive()).isNull();

    // Same size and time, different header: not used.
    Files.write(archive, content);
    ArchiveTraining.writeStamp(archive, "test");
    assertThat(cache.plan(request(List.of(), List.of(cp))).archive()).isEqualTo(archive);
    FileTime time = Files.getLastModifiedTime(archive);
    byte[] other = content.clone();
    other[0] = 7;
    Files.write(archive, other);
    Files.setLastModifiedTime(archive, time);
    assertThat(cache.plan(request(List.of(), List.of(cp))).archive()).isNull();
  }

  @Test
  void aRecentFailure_isReportedAndNotRetried() throws IOException {
    Path cp = jar("a.jar", "a");
    Path dir = Files.createDirectories(tmp.resolve("cds"));
    Path archive = dir.resolve(CacheKeys.archive(JAVA, OPTIONS, List.of(cp)));
    Files.writeString(
        archive.resolveSibling(archive.getFileName() + ".failed"), "the training kernel died");
    StartupCache cache = StartupCache.recordingOnly(dir);

    StartupCache.Plan plan = cache.plan(request(List.of(), List.of(cp)));
    assertThat(plan.archive()).isNull();
    assertThat(plan.cdsNote()).contains("could not be built (the training kernel died)");
    assertThat(cache.requested()).isEmpty();
  }

  @Test
  void mappedBy_seesTheFilesAProcessHasMapped() throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux /proc");
    long self = ProcessHandle.current().pid();
    Path modules = Path.of(System.getProperty("java.home"), "lib", "modules");
    assertThat(CacheFiles.mappedBy(self, modules)).isEqualTo(Optional.of(true));
    assertThat(CacheFiles.mappedBy(self, jar("never-mapped.jsa", "x")))
        .isEqualTo(Optional.of(false));
  }

  @Test
  void prune_keepsTheEntriesUsedLastAndDropsTheRest() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("cds"));
    Instant now = Instant.now();
    List<Path> archives = new java.util.ArrayList<>();
    for (int i = 0; i < 9; i++) {
      Path archive = dir.resolve("app-" + i + ".jsa");
      Files.write(archive, new byte[8192]);
      ArchiveTraining.writeStamp(archive, "test");
      // Entry 0 was used just now, entry i about i hours ago; entry 8 forty days ago.
      Instant used =
          i == 8 ? now.minus(java.time.Duration.ofDays(40)) : now.minusSeconds(3600L * i);
      Files.setLastModifiedTime(ArchiveTraining.stampOf(archive), FileTime.from(used));
      archives.add(archive);
    }
    Path oldStaging = Files.createDirectories(dir.resolve(".staging-1-image"));
    Files.setLastModifiedTime(oldStaging, FileTime.from(now.minus(java.time.Duration.ofDays(2))));
    Path newStaging = Files.createDirectories(dir.resolve(".staging-2-image"));

    CacheFiles.prune(dir);

    for (int i = 0; i < 9; i++) {
      boolean kept = i < CacheFiles.KEEP_ARCHIVES;
      assertThat(Files.exists(archives.get(i))).as("archive " + i).isEqualTo(kept);
      assertThat(Files.exists(ArchiveTraining.stampOf(archives.get(i)))).isEqualTo(kept);
    }
    assertThat(oldStaging).doesNotExist();
    assertThat(newStaging).exists();
  }
}
