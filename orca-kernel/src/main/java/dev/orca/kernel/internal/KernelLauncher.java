package dev.orca.kernel.internal;

import dev.orca.core.ConfigurationException;
import dev.orca.kernel.KernelOptions;
import dev.orca.kernel.SandboxMode;
import dev.orca.kernel.sandbox.OsSandbox;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the kernel JVM's command line and environment: heap limit, the kernel classpath only, a
 * scrubbed environment, the workspace as working directory, and OS isolation where configured.
 */
public final class KernelLauncher {
  /** The kernel JVM's root modules when sandboxed (JShell and what Tablesaw and javac need). */
  static final String LIMITED_MODULES =
      "jdk.jshell,jdk.zipfs,jdk.unsupported,java.sql,jdk.charsets,jdk.localedata";

  private final KernelOptions options;
  private final OsSandbox osSandbox;

  /**
   * Prepares a launcher.
   *
   * @param options the kernel's options
   * @param osSandbox the OS isolation to use ({@link OsSandbox#NONE} for none)
   */
  public KernelLauncher(KernelOptions options, OsSandbox osSandbox) {
    this.options = options;
    this.osSandbox = osSandbox;
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
    List<Path> classpath = new ArrayList<>(KernelClasspath.entries());
    classpath.addAll(options.extraClasspath());
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable().toString());
    cmd.add("-Xmx" + options.heapLimitMiB() + "m");
    cmd.add("-Xss4m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:-UsePerfData");
    if (options.sandbox() != SandboxMode.OFF) {
      // Only the modules the kernel needs: no JNDI, RMI, JMX, java.beans, scripting, HTTP client
      // or instrumentation in the kernel's module graph (jdk.jshell itself brings jdk.jdi,
      // jdk.attach and java.xml; the bytecode policy closes those).
      cmd.add("--limit-modules");
      cmd.add(LIMITED_MODULES);
    }
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Duser.dir=" + options.workspace());
    cmd.add("-cp");
    cmd.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    cmd.add("dev.orca.kernelagent.KernelMain");
    cmd.add("--output-cap");
    cmd.add(Integer.toString(options.outputCapChars()));
    cmd.add("--value-cap");
    cmd.add(Integer.toString(options.outputCapChars()));
    cmd.add("--policy");
    cmd.add(options.sandbox() == SandboxMode.OFF ? "off" : "on");
    if (!osActive()) {
      return cmd;
    }
    List<Path> readOnly = new ArrayList<>(classpath);
    readOnly.add(javaHome());
    return osSandbox.wrap(cmd, options.workspace(), readOnly);
  }

  private Path javaHome() {
    try {
      return javaExecutable().toRealPath().getParent().getParent();
    } catch (IOException e) {
      return javaExecutable().getParent().getParent();
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
    if (options.sandbox() == SandboxMode.OFF) {
      layers.add("sandbox OFF: no bytecode policy, no OS isolation (trusted local use only)");
      return layers;
    }
    layers.add("bytecode policy (allowlist checked before classes load)");
    layers.add("limited module graph (--limit-modules " + LIMITED_MODULES + ")");
    if (osActive()) {
      layers.add("OS isolation: " + osSandbox.describe());
    } else {
      layers.add("no OS isolation (" + osSandbox.describe() + ")");
    }
    return layers;
  }
}
