package dev.orca.kernel.internal;

import dev.orca.core.ConfigurationException;
import dev.orca.kernel.KernelBridge;
import dev.orca.kernel.KernelOptions;
import dev.orca.kernel.SandboxMode;
import dev.orca.kernel.cds.StartupCache;
import dev.orca.kernel.sandbox.OsSandbox;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Builds the kernel JVM's command line and environment: heap limit, the kernel classpath only, a
 * scrubbed environment, the workspace as working directory, OS isolation where configured, and what
 * the start-up cache ({@link StartupCache}: runtime image, class-data sharing archive) has ready.
 */
public final class KernelLauncher {
  private static final Logger LOG = Logger.getLogger(KernelLauncher.class.getName());

  /** The kernel JVM's root modules when sandboxed (JShell and what Tablesaw and javac need). */
  static final String LIMITED_MODULES =
      "jdk.jshell,jdk.zipfs,jdk.unsupported,java.sql,jdk.charsets,jdk.localedata";

  /** The kernel heap's initial size; it grows on demand up to the heap limit. */
  static final int INITIAL_HEAP_MIB = 32;

  /**
   * The most of the heap that may stay free after a full collection before the heap shrinks (the
   * JVM's default is 70%, which keeps a heap about three times its live data).
   */
  static final int MAX_HEAP_FREE_PERCENT = 40;

  private final KernelOptions options;
  private final OsSandbox osSandbox;
  private final StartupCache startupCache;
  private volatile StartupCache.Plan lastPlan;

  /** Why this launcher no longer uses the start-up cache (a start failed with it), or null. */
  private volatile String setAside;

  /**
   * Prepares a launcher.
   *
   * @param options the kernel's options
   * @param osSandbox the OS isolation to use ({@link OsSandbox#NONE} for none)
   */
  public KernelLauncher(KernelOptions options, OsSandbox osSandbox) {
    this.options = options;
    this.osSandbox = osSandbox;
    this.startupCache = StartupCache.forWorkspace(options.workspace());
    if (options.sandbox() == SandboxMode.STRICT && !osSandbox.available()) {
      throw new ConfigurationException(
          "--sandbox strict needs OS isolation, and none is available here ("
              + osSandbox.describe()
              + "). Install bubblewrap (apt-get install bubblewrap) or use --sandbox auto.",
          null);
    }
  }

  /** The java executable for the child. */
  public Path javaExecutable() {
    Path home =
        options.javaHome() != null ? options.javaHome() : Path.of(System.getProperty("java.home"));
    return home.resolve("bin").resolve("java");
  }

  /** The child's full command line, wrapped in OS isolation when active. */
  public List<String> command() {
    StartupCache.Request request = startupRequest();
    String set = setAside;
    StartupCache.Plan plan =
        set == null ? startupCache.plan(request) : startupCache.withoutCache(request, set);
    lastPlan = plan;
    List<Path> classpath = new ArrayList<>(request.classpath());
    classpath.addAll(options.extraClasspath());
    List<String> cmd = new ArrayList<>();
    cmd.add(plan.java().toString());
    cmd.addAll(request.jvmOptions());
    // With the sandbox on: only the modules the kernel needs, either through a runtime image
    // that holds only them or through --limit-modules (no JNDI, RMI, JMX, java.beans, scripting,
    // HTTP client or instrumentation in the kernel's module graph; jdk.jshell itself brings
    // jdk.jdi, jdk.attach and java.xml, and the bytecode policy closes those). Plus the
    // class-data sharing archive when there is one.
    cmd.addAll(plan.options());
    cmd.add("-Duser.dir=" + options.workspace());
    cmd.add("-cp");
    cmd.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    cmd.addAll(request.main());
    if (!osActive()) {
      return cmd;
    }
    List<Path> readOnly = new ArrayList<>(classpath);
    readOnly.add(javaHome(plan.java()));
    readOnly.addAll(plan.readOnlyPaths());
    return osSandbox.wrap(cmd, options.workspace(), readOnly);
  }

  /**
   * Starts the kernel JVM ({@link #command()} in {@link #processBuilder()}) and waits until it is
   * ready. When a start that used the start-up cache fails, the kernel is started again without it
   * (the plain JDK and {@code --limit-modules}, as without the cache); if that start works, the
   * cache's entries are set aside ({@link StartupCache#reject}) and this launcher uses the plain
   * start from then on. A broken cache thus costs one failed start, never a kernel.
   *
   * @param bridge answers kernel → host calls
   * @param bridgeExecutor runs bridge calls
   * @param startTimeout how long to wait for the ready message
   * @return the running child
   */
  public ChildProcess start(
      KernelBridge bridge, ExecutorService bridgeExecutor, Duration startTimeout) {
    List<String> command = command();
    StartupCache.Plan plan = lastPlan;
    try {
      return ChildProcess.start(command, processBuilder(), bridge, bridgeExecutor, startTimeout);
    } catch (RuntimeException withCache) {
      if (plan == null || !plan.usesCache()) {
        throw withCache;
      }
      String reason = String.valueOf(withCache.getMessage());
      setAside = "off for this kernel: a start with it failed (" + reason + ")";
      ChildProcess child;
      try {
        child =
            ChildProcess.start(command(), processBuilder(), bridge, bridgeExecutor, startTimeout);
      } catch (RuntimeException plain) {
        // Not the cache's fault: the plain start fails too.
        setAside = null;
        plain.addSuppressed(withCache);
        throw plain;
      }
      LOG.log(
          Level.WARNING,
          "the kernel failed to start with its start-up cache and started without it",
          withCache);
      startupCache.reject(plan, reason);
      return child;
    }
  }

  /**
   * Builds the start-up cache entries this kernel's starts would use (runtime image, CDS archive)
   * now, instead of in the background after a start. For benchmarks and tests.
   *
   * @return completes with how the next start will run
   */
  public CompletableFuture<StartupCache.Plan> prepareStartupCache() {
    return startupCache.prepare(startupRequest());
  }

  /** The start-up cache this launcher uses. */
  public StartupCache startupCache() {
    return startupCache;
  }

  /** How the last command started the kernel JVM, or {@code null} before the first. */
  public StartupCache.Plan lastPlan() {
    return lastPlan;
  }

  private StartupCache.Request startupRequest() {
    return new StartupCache.Request(
        javaExecutable(),
        options.sandbox() != SandboxMode.OFF ? List.of(LIMITED_MODULES.split(",")) : List.of(),
        jvmOptions(),
        KernelClasspath.entries(),
        mainAndArguments(),
        options.workspace());
  }

  /** The JVM options, except the module limit, archive, working directory and classpath. */
  private List<String> jvmOptions() {
    List<String> jvm = new ArrayList<>();
    jvm.add("-Xmx" + options.heapLimitMiB() + "m");
    // A small initial heap that may shrink again: the JVM's default initial heap is 1/64 of the
    // machine's memory (384 MiB on 24 GiB) and the heap never shrinks below it, so a kernel kept
    // about that much resident once it had touched it, a trained spare most of all. Measured
    // (BENCHMARKS.md, "Kernel memory"): a kernel after one cell 201 -> 123 MiB, a trained spare
    // 558 -> 302 MiB, for about 0.1 s more on a restore into the spare (the heap grows meanwhile).
    jvm.add("-Xms" + INITIAL_HEAP_MIB + "m");
    jvm.add("-XX:MaxHeapFreeRatio=" + MAX_HEAP_FREE_PERCENT);
    jvm.add("-Xss4m");
    jvm.add("-XX:+UseSerialGC");
    jvm.add("-XX:-UsePerfData");
    // Stdout is the protocol channel: the JVM's own log lines (JDK 25 logs CDS problems at
    // warning level, to stdout by default) go to stderr, which the host keeps for diagnosis.
    jvm.add("-Xlog:disable");
    jvm.add("-Xlog:all=warning:stderr");
    jvm.add("-Dfile.encoding=UTF-8");
    jvm.add("-Djava.awt.headless=true");
    return jvm;
  }

  private List<String> mainAndArguments() {
    return List.of(
        "dev.orca.kernelagent.KernelMain",
        "--output-cap",
        Integer.toString(options.outputCapChars()),
        "--value-cap",
        Integer.toString(options.outputCapChars()),
        "--policy",
        options.sandbox() == SandboxMode.OFF ? "off" : "on");
  }

  private static Path javaHome(Path java) {
    try {
      return java.toRealPath().getParent().getParent();
    } catch (IOException e) {
      return java.getParent().getParent();
    }
  }

  /** Whether OS isolation wraps the child. */
  public boolean osActive() {
    return options.sandbox() != SandboxMode.OFF && osSandbox.available();
  }

  /** A process builder with the workspace as working directory and a scrubbed environment. */
  public ProcessBuilder processBuilder() {
    try {
      Files.createDirectories(options.workspace());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the workspace " + options.workspace(), e);
    }
    ProcessBuilder builder = new ProcessBuilder().directory(options.workspace().toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", "/usr/bin:/bin");
    env.put("LANG", "C.UTF-8");
    env.put("HOME", options.workspace().toString());
    env.put("TMPDIR", "/tmp");
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.redirectOutput(ProcessBuilder.Redirect.PIPE);
    builder.redirectError(ProcessBuilder.Redirect.PIPE);
    return builder;
  }

  /** The isolation layers in force, for {@code orca doctor}. */
  public List<String> layers(long pid) {
    List<String> layers = new ArrayList<>();
    layers.add("separate JVM (pid " + pid + ")");
    layers.add("heap limit " + options.heapLimitMiB() + " MiB");
    layers.add("scrubbed environment");
    layers.add("timeout: soft stop, then kill and rebuild");
    StartupCache.Plan started = lastPlan;
    if (started != null && pid > 0) {
      layers.add(started.describeFor(pid));
    }
    if (options.sandbox() == SandboxMode.OFF) {
      layers.add("sandbox OFF: no bytecode policy, no OS isolation (trusted local use only)");
      return layers;
    }
    layers.add("bytecode policy (allowlist checked before classes load)");
    StartupCache.Plan plan = lastPlan;
    layers.add(
        "limited module graph ("
            + (plan != null && plan.modulesNote() != null
                ? plan.modulesNote()
                : "--limit-modules " + LIMITED_MODULES)
            + ")");
    if (osActive()) {
      layers.add("OS isolation: " + osSandbox.describe());
    } else {
      layers.add("no OS isolation (" + osSandbox.describe() + ")");
    }
    return layers;
  }
}
