package dev.orca.kernel.cds;

import dev.orca.core.OrcaHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the kernel JVM start faster with class-data sharing (CDS), without ever making a start
 * slower or less safe.
 *
 * <p>Two kinds of entries live in the cache directory (by default {@code HOME/cache/cds}), each
 * named after everything that makes it valid ({@link CacheKeys}):
 *
 * <ul>
 *   <li>{@code image-<key>/}: for the sandboxed kernel, a runtime image with only its modules
 *       ({@link RuntimeImages}). JDK 17 and 25 turn CDS off entirely under {@code --limit-modules},
 *       even the JDK's own archive; the image gives the same module graph with CDS on.
 *   <li>{@code app-<key>.jsa}: a dynamic CDS archive of the kernel's classes (the JDK's, javac's,
 *       JShell's, the kernel agent's and its libraries'), from a training run ({@link
 *       ArchiveTraining}); {@code app-<key>.aot} on JDK 25+, an AOT cache (the same, plus linked
 *       classes and method profiles).
 * </ul>
 *
 * <p>{@link #plan} never builds anything: it uses what is complete and checked, and otherwise asks
 * for it to be built in the background (at the lowest CPU priority, a few seconds later, one build
 * at a time, never two hosts at once) and starts the kernel as before. Everything is built from the
 * local JDK ({@code jlink} and the JVM itself); nothing is downloaded. A build that fails for a
 * reason that will not go away is not retried for a day, and neither is an entry a kernel failed to
 * start with ({@link #reject}). Entries unused for 30 days are removed, and so are all but the few
 * used last once unused for an hour.
 *
 * <p>The cache must not lie inside the kernel's workspace (the only place kernel code may write):
 * kernel code that could rewrite an archive or an image would control the next kernel, and the
 * builds run outside the sandbox. When it does, the cache is not used. Inside bubblewrap the image
 * and the archive are mounted read-only.
 *
 * <p>Switches: {@code -Dorca.kernel.cds=off} or the environment variable {@code
 * ORCA_KERNEL_CDS=off} turn the cache off (the property wins; {@code auto}, the default, turns it
 * on); {@code -Dorca.kernel.cds.dir=DIR} moves it.
 */
public final class StartupCache {
  private static final Logger LOG = Logger.getLogger(StartupCache.class.getName());

  /** How {@link dev.orca.kernel.KernelInfo#sandboxLayers()} names the class-data sharing line. */
  public static final String LAYER = "class-data sharing:";

  /** System property naming the cache directory. */
  public static final String DIR_PROPERTY = "orca.kernel.cds.dir";

  /** System property: {@code auto} (the default) or {@code off}. Wins over {@link #ENV}. */
  public static final String ENABLED_PROPERTY = "orca.kernel.cds";

  /** Environment variable: {@code auto} (the default) or {@code off}. */
  public static final String ENV = "ORCA_KERNEL_CDS";

  /**
   * How long after a kernel start a missing entry starts being built: past the start itself, and
   * long enough that short-lived hosts (a test, {@code orca doctor}) do not start builds they would
   * not see finish.
   */
  static volatile Duration backgroundDelay = Duration.ofSeconds(20);

  private static final Map<Path, StartupCache> CACHES = new ConcurrentHashMap<>();
  private static final ScheduledExecutorService BACKGROUND =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "orca-kernel-cds");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
          });

  private final Path dir;
  private final boolean backgroundBuilds;
  private final Map<String, CompletableFuture<Void>> builds = new ConcurrentHashMap<>();
  private final List<Path> requested = new CopyOnWriteArrayList<>();

  private StartupCache(Path dir, boolean backgroundBuilds) {
    this.dir = dir.toAbsolutePath().normalize();
    this.backgroundBuilds = backgroundBuilds;
  }

  /** A cache that records what it would build instead of building it (for tests). */
  static StartupCache recordingOnly(Path dir) {
    return new StartupCache(dir, false);
  }

  /** The entries a plan asked to be built (for tests). */
  List<Path> requested() {
    return List.copyOf(requested);
  }

  /**
   * The cache for a directory.
   *
   * @param dir the cache directory (created when the first entry is built)
   */
  public static StartupCache at(Path dir) {
    Path key = dir.toAbsolutePath().normalize();
    return CACHES.computeIfAbsent(key, d -> new StartupCache(d, true));
  }

  /**
   * The cache a kernel with this workspace uses: {@code -Dorca.kernel.cds.dir}, else {@code
   * cache/cds} of the Orca home the workspace belongs to ({@code HOME/workspace}), else that of the
   * default home ({@code ORCA_HOME} or {@code ~/.orca}). Entries are keyed by their inputs, so
   * homes can share one.
   */
  public static StartupCache forWorkspace(Path workspace) {
    return at(defaultDirectory(workspace));
  }

  static Path defaultDirectory(Path workspace) {
    String configured = System.getProperty(DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path ws = workspace.toAbsolutePath().normalize();
    Path parent = ws.getParent();
    if (parent != null
        && ws.getFileName() != null
        && ws.getFileName().toString().equals("workspace")
        && Files.isDirectory(parent.resolve("cache"))) {
      return new OrcaHome(parent).cacheDir().resolve("cds");
    }
    return OrcaHome.resolve(null, System.getenv()).cacheDir().resolve("cds");
  }

  /** Whether the cache is on: see {@link #disabledBy()}. */
  public static boolean enabled() {
    return disabledBy().isEmpty();
  }

  /**
   * What turns the cache off, if anything: {@code -Dorca.kernel.cds=off}, or, when that property is
   * not set, {@code ORCA_KERNEL_CDS=off} ({@code false} and {@code 0} count as {@code off}).
   *
   * @return the switch that turned it off, as the user would write it, or empty when it is on
   */
  public static Optional<String> disabledBy() {
    String property = System.getProperty(ENABLED_PROPERTY);
    if (property != null && !property.isBlank()) {
      return isOff(property)
          ? Optional.of("-D" + ENABLED_PROPERTY + "=" + property.strip())
          : Optional.empty();
    }
    String env = System.getenv(ENV);
    if (env != null && isOff(env)) {
      return Optional.of(ENV + "=" + env.strip());
    }
    return Optional.empty();
  }

  private static boolean isOff(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.equals("off") || v.equals("false") || v.equals("0");
  }

  /** The cache directory. */
  public Path directory() {
    return dir;
  }

  /**
   * The cache's state in one line, for {@code orca doctor}: on or off (and by which switch), the
   * directory, and how many runtime images and archives it holds, and their size.
   */
  public String describeState() {
    Optional<String> off = disabledBy();
    if (off.isPresent()) {
      return "off (" + off.get() + "); " + dir;
    }
    try {
      return "on; " + dir + " (" + CacheFiles.summary(dir) + "; " + ENV + "=off turns it off)";
    } catch (IOException e) {
      return "on; " + dir + " (unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * What a kernel start needs.
   *
   * @param jdkJava the JDK's java binary
   * @param modules the root modules the kernel is limited to, or empty for no limit
   * @param jvmOptions the JVM options (heap, GC, properties; not the classpath or {@code user.dir})
   * @param classpath the kernel classpath (extra entries appended at start are not part of it)
   * @param main the main class and its arguments
   * @param workspace the kernel's workspace
   */
  public record Request(
      Path jdkJava,
      List<String> modules,
      List<String> jvmOptions,
      List<Path> classpath,
      List<String> main,
      Path workspace) {
    /** Copies. */
    public Request {
      Objects.requireNonNull(jdkJava, "jdkJava");
      modules = List.copyOf(modules);
      jvmOptions = List.copyOf(jvmOptions);
      classpath = List.copyOf(classpath);
      main = List.copyOf(main);
      Objects.requireNonNull(workspace, "workspace");
    }
  }

  /**
   * How to start the kernel JVM.
   *
   * @param java the java binary: the JDK's, or a runtime image's
   * @param options JVM options to add ({@code --limit-modules …}, {@code -XX:SharedArchiveFile=…})
   * @param readOnlyPaths what an OS sandbox must mount read-only besides the java home
   * @param image the runtime image used, or {@code null}
   * @param archive the application CDS archive used, or {@code null}
   * @param modulesNote how the module graph is limited, or {@code null} when it is not
   * @param cdsNote what class-data sharing this start gets, and why
   */
  public record Plan(
      Path java,
      List<String> options,
      List<Path> readOnlyPaths,
      Path image,
      Path archive,
      String modulesNote,
      String cdsNote) {
    /** Copies. */
    public Plan {
      options = List.copyOf(options);
      readOnlyPaths = List.copyOf(readOnlyPaths);
    }

    /** Whether this start uses anything from the cache (a runtime image or an archive). */
    public boolean usesCache() {
      return image != null || archive != null;
    }

    /**
     * What CDS a started kernel actually got, checked in its memory maps.
     *
     * @param pid the kernel process (or the sandbox process around it)
     * @return a line for {@code orca doctor} and {@code orca bench kernel}
     */
    public String describeFor(long pid) {
      if (archive == null) {
        return LAYER + " " + cdsNote;
      }
      Optional<Boolean> mapped = CacheFiles.mappedBy(pid, archive);
      if (mapped.isEmpty()) {
        return LAYER + " " + cdsNote + " (whether the JVM mapped it is unknown here)";
      }
      return mapped.get()
          ? LAYER + " " + cdsNote + " (used: mapped by the kernel JVM)"
          : LAYER + " " + cdsNote + " (NOT used: the kernel JVM did not map it)";
    }

    /** Whether the kernel process (or one under it) has the archive mapped. */
    public Optional<Boolean> archiveMappedBy(long pid) {
      return archive == null ? Optional.of(false) : CacheFiles.mappedBy(pid, archive);
    }
  }

  /**
   * Decides how to start a kernel from what the cache holds now, and asks for whatever is missing
   * to be built in the background. Never blocks on a build and never fails: any problem gives the
   * plain start.
   */
  public Plan plan(Request request) {
    Optional<String> off = disabledBy();
    if (off.isPresent()) {
      return withoutCache(request, "off (" + off.get() + ")");
    }
    try {
      if (insideWorkspace(request.workspace())) {
        return withoutCache(
            request,
            "off: the cache "
                + dir
                + " is inside the kernel's workspace, where kernel code could rewrite it");
      }
      Path java = request.jdkJava();
      Path image = null;
      List<Path> readOnly = new ArrayList<>();
      String modulesNote = null;
      if (!request.modules().isEmpty()) {
        Path candidate = dir.resolve(CacheKeys.image(request.jdkJava(), request.modules()));
        if (!RuntimeImages.usable(candidate)) {
          String pending = schedule(request, candidate);
          return withoutCache(
              request,
              "off: --limit-modules turns it off (JDK 17 and 25); a runtime image with only the"
                  + " kernel's modules "
                  + pending);
        }
        image = candidate;
        java = RuntimeImages.java(image);
        readOnly.add(image);
        CacheFiles.touch(image.resolve(RuntimeImages.STAMP));
        modulesNote =
            "runtime image with only " + String.join(",", request.modules()) + " (" + image + ")";
      }
      String notJars = notJars(request.classpath());
      if (notJars != null) {
        return new Plan(
            java,
            List.of(),
            readOnly,
            image,
            null,
            modulesNote,
            "the JDK's archive only: " + notJars + " (archives hold classes from jars only)");
      }
      Path archive =
          dir.resolve(CacheKeys.archive(java, request.jvmOptions(), request.classpath()));
      if (!ArchiveTraining.usable(archive)) {
        String pending = schedule(request, archive);
        return new Plan(
            java,
            List.of(),
            readOnly,
            image,
            null,
            modulesNote,
            "the JDK's archive only; the kernel's own archive " + pending);
      }
      CacheFiles.touch(ArchiveTraining.stampOf(archive));
      readOnly.add(archive);
      return new Plan(
          java,
          ArchiveTraining.useOptions(java, archive),
          readOnly,
          image,
          archive,
          modulesNote,
          "archive " + archive);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "kernel start-up cache unusable", e);
      return withoutCache(request, "off (" + e + ")");
    }
  }

  /**
   * The start without anything from the cache: the JDK's java, with {@code --limit-modules} when
   * the request limits modules. Builds nothing.
   *
   * @param request what the kernel start needs
   * @param note why the cache is not used
   */
  public Plan withoutCache(Request request, String note) {
    if (request.modules().isEmpty()) {
      return new Plan(
          request.jdkJava(),
          List.of(),
          List.of(),
          null,
          null,
          null,
          "the JDK's archive only; start-up cache " + note);
    }
    return new Plan(
        request.jdkJava(),
        List.of("--limit-modules", String.join(",", request.modules())),
        List.of(),
        null,
        null,
        "--limit-modules " + String.join(",", request.modules()),
        note);
  }

  /**
   * Records that a kernel failed to start with a plan's entries (and then started without them):
   * they are no longer used, and not rebuilt for a day.
   *
   * @param plan the plan the failed start used
   * @param reason what went wrong, for {@code orca doctor}
   */
  public void reject(Plan plan, String reason) {
    String why = "a kernel failed to start with it (" + reason + ")";
    if (plan.archive() != null) {
      CacheFiles.recordFailure(plan.archive(), why);
      try {
        Files.deleteIfExists(ArchiveTraining.stampOf(plan.archive()));
      } catch (IOException e) {
        LOG.log(Level.FINE, "cannot remove the archive's stamp", e);
      }
    }
    if (plan.image() != null) {
      CacheFiles.recordFailure(plan.image(), why);
      try {
        Files.deleteIfExists(plan.image().resolve(RuntimeImages.STAMP));
        CacheFiles.touch(plan.image());
      } catch (IOException e) {
        LOG.log(Level.FINE, "cannot remove the image's stamp", e);
      }
    }
    LOG.warning(() -> "kernel start-up cache entries set aside for a day: " + why);
  }

  /**
   * Builds what a request needs now (on the cache's build thread) and returns the plan that
   * results. For benchmarks and tests; kernel starts never wait for this.
   */
  public CompletableFuture<Plan> prepare(Request request) {
    if (!enabled()) {
      return CompletableFuture.completedFuture(plan(request));
    }
    return CompletableFuture.supplyAsync(
            () -> {
              String key = jobKey(request);
              CompletableFuture<Void> done = new CompletableFuture<>();
              CompletableFuture<Void> running = builds.putIfAbsent(key, done);
              if (running != null) {
                return running;
              }
              try {
                CacheBuild.run(dir, request, true);
                done.complete(null);
              } catch (RuntimeException e) {
                done.completeExceptionally(e);
              } finally {
                builds.remove(key, done);
              }
              return done;
            },
            BACKGROUND)
        .thenCompose(f -> f.handle((ok, error) -> plan(request)));
  }

  /** Waits until no build of this cache is running or waiting, at most {@code limit}. */
  public boolean awaitIdle(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!builds.isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  private boolean insideWorkspace(Path workspace) {
    Path ws = CacheFiles.real(workspace.toAbsolutePath().normalize());
    return CacheFiles.real(dir).startsWith(ws)
        || dir.startsWith(workspace.toAbsolutePath().normalize());
  }

  /** Why the classpath cannot be archived (an entry that is not a jar), or {@code null}. */
  static String notJars(List<Path> classpath) {
    for (Path entry : classpath) {
      if (!Files.isRegularFile(entry)) {
        return "the kernel classpath has "
            + (Files.isDirectory(entry) ? "a directory" : "a missing entry")
            + " ("
            + entry
            + ")";
      }
    }
    return null;
  }

  /** Asks for a build after a delay unless one is under way or failed lately; says which. */
  private String schedule(Request request, Path missing) {
    String failure = CacheFiles.recentFailure(missing);
    if (failure != null) {
      return "could not be built (" + failure + "); tried again a day later";
    }
    requested.add(missing);
    if (!backgroundBuilds) {
      return "is being built in the background";
    }
    String key = jobKey(request);
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (builds.putIfAbsent(key, done) != null) {
      return "is being built in the background";
    }
    BACKGROUND.schedule(
        () -> {
          try {
            CacheBuild.run(dir, request, false);
            done.complete(null);
          } catch (RuntimeException e) {
            LOG.log(Level.FINE, "kernel start-up cache build failed", e);
            done.completeExceptionally(e);
          } finally {
            builds.remove(key, done);
          }
        },
        backgroundDelay.toMillis(),
        TimeUnit.MILLISECONDS);
    return "is being built in the background";
  }

  private static String jobKey(Request request) {
    return String.join("\u0000", request.modules())
        + "\u0001"
        + request.jdkJava()
        + "\u0001"
        + String.join("\u0000", request.jvmOptions())
        + "\u0001"
        + CacheFiles.joinPath(request.classpath());
  }
}
