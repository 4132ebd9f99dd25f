package dev.orca.kernel.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * OS isolation with bubblewrap ({@code bwrap}): the kernel JVM runs in its own network (empty: no
 * interfaces but loopback), PID, IPC, UTS and mount namespaces, with all capabilities dropped, in a
 * new session, and dies with its parent. Its file system holds only the system libraries, the JDK
 * and the classpath (read-only), the workspace (read-write, the working directory), a private
 * {@code /tmp}, a minimal {@code /dev} and its own {@code /proc}; its environment is cleared and
 * rebuilt from a few harmless variables.
 *
 * <p>Availability is decided by running {@code bwrap … true} once with the same namespace flags.
 * Setting the system property {@code orca.sandbox.os=none} turns it off (used to test the bytecode
 * layer alone).
 */
public final class BubblewrapSandbox implements OsSandbox {

  /** System property that disables OS isolation when set to {@code none}. */
  public static final String DISABLE_PROPERTY = "orca.sandbox.os";

  private static final List<String> NAMESPACES =
      List.of(
          "--unshare-net",
          "--unshare-pid",
          "--unshare-ipc",
          "--unshare-uts",
          "--unshare-cgroup-try",
          "--die-with-parent",
          "--new-session",
          "--cap-drop",
          "ALL");

  private final String executable;
  private volatile Probe probe;

  private record Probe(boolean ok, String detail) {}

  /** Uses {@code bwrap} from {@code /usr/bin} or the {@code PATH}. */
  public BubblewrapSandbox() {
    this(locate());
  }

  /**
   * Uses a given bwrap executable.
   *
   * @param executable path or name of {@code bwrap}
   */
  public BubblewrapSandbox(String executable) {
    this.executable = executable;
  }

  private static String locate() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, "bwrap");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return "/usr/bin/bwrap";
  }

  @Override
  public boolean available() {
    if ("none".equals(System.getProperty(DISABLE_PROPERTY))) {
      return false;
    }
    return probe().ok();
  }

  @Override
  public String describe() {
    if ("none".equals(System.getProperty(DISABLE_PROPERTY))) {
      return "bubblewrap disabled (-D" + DISABLE_PROPERTY + "=none)";
    }
    Probe p = probe();
    if (!p.ok()) {
      return "bubblewrap not available: " + p.detail();
    }
    return p.detail()
        + ": network, pid, ipc, uts and mount namespaces; no capabilities; read-only JDK and"
        + " classpath; private /tmp; cleared environment";
  }

  private Probe probe() {
    Probe p = probe;
    if (p == null) {
      synchronized (this) {
        if (probe == null) {
          probe = runProbe();
        }
        p = probe;
      }
    }
    return p;
  }

  private Probe runProbe() {
    List<String> cmd = new ArrayList<>();
    cmd.add(executable);
    cmd.addAll(NAMESPACES);
    cmd.addAll(List.of("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "true"));
    try {
      Process process =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readNBytes(4096);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Probe(false, "bwrap did not finish within 10 s");
      }
      if (process.exitValue() != 0) {
        return new Probe(
            false,
            "bwrap exited with "
                + process.exitValue()
                + ": "
                + new String(out, StandardCharsets.UTF_8).strip());
      }
      return new Probe(true, version());
    } catch (IOException e) {
      return new Probe(false, executable + " cannot run (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe(false, "interrupted while probing bwrap");
    }
  }

  private String version() {
    try {
      Process process =
          new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
      String v =
          new String(process.getInputStream().readNBytes(200), StandardCharsets.UTF_8).strip();
      process.waitFor(5, TimeUnit.SECONDS);
      return v.isEmpty() ? "bubblewrap" : v;
    } catch (IOException e) {
      return "bubblewrap";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "bubblewrap";
    }
  }

  @Override
  public List<String> wrap(List<String> javaCommand, Path workspace, List<Path> readOnlyPaths) {
    if (javaCommand.isEmpty()) {
      throw new IllegalArgumentException("the command to wrap is empty");
    }
    Path ws = workspace.toAbsolutePath().normalize();
    List<String> java = new ArrayList<>(javaCommand);
    Path javaExe = real(Path.of(java.get(0)));
    java.set(0, javaExe.toString());
    Path javaHome = javaExe.getParent() == null ? null : javaExe.getParent().getParent();

    List<String> cmd = new ArrayList<>();
    cmd.add(executable);
    cmd.addAll(NAMESPACES);
    cmd.addAll(List.of("--hostname", "orca-kernel", "--clearenv"));
    setenv(cmd, "PATH", "/usr/bin:/bin");
    setenv(cmd, "LANG", "C.UTF-8");
    setenv(cmd, "HOME", ws.toString());
    setenv(cmd, "TMPDIR", "/tmp");
    cmd.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
    for (String dir : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
      Path p = Path.of(dir);
      if (Files.isSymbolicLink(p)) {
        try {
          cmd.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), dir));
        } catch (IOException e) {
          // An unreadable link: leave it out of the sandbox.
        }
      } else if (Files.isDirectory(p) && !dir.endsWith("bin")) {
        roBind(cmd, p);
      }
    }
    Set<Path> readOnly = new LinkedHashSet<>();
    for (String system :
        List.of(
            "/usr/lib",
            "/usr/lib64",
            "/usr/lib32",
            "/usr/share/zoneinfo",
            "/etc/ld.so.cache",
            "/etc/ld.so.conf",
            "/etc/ld.so.conf.d",
            "/etc/localtime",
            "/etc/timezone")) {
      readOnly.add(Path.of(system));
    }
    if (javaHome != null) {
      readOnly.add(javaHome);
      readOnly.addAll(linkTargetsOutside(javaHome));
    }
    for (Path p : readOnlyPaths) {
      readOnly.add(p.toAbsolutePath().normalize());
    }
    for (Path p : readOnly) {
      if (!p.startsWith(ws)) {
        roBind(cmd, p);
      }
    }
    cmd.addAll(List.of("--bind", ws.toString(), ws.toString(), "--chdir", ws.toString(), "--"));
    cmd.addAll(java);
    return cmd;
  }

  private static void setenv(List<String> cmd, String name, String value) {
    cmd.addAll(List.of("--setenv", name, value));
  }

  private static void roBind(List<String> cmd, Path p) {
    cmd.addAll(List.of("--ro-bind-try", p.toString(), p.toString()));
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /**
   * Files the JDK links to outside its home (Debian links {@code lib/jvm.cfg} and the security
   * configuration into {@code /etc/java-N-openjdk}, which is bound whole); other targets are bound
   * file by file.
   */
  private static Set<Path> linkTargetsOutside(Path javaHome) {
    Set<Path> out = new LinkedHashSet<>();
    try (Stream<Path> files = Files.walk(javaHome, 4)) {
      files
          .filter(Files::isSymbolicLink)
          .forEach(
              link -> {
                Path target = real(link);
                if (target.startsWith(javaHome) || target.startsWith("/usr/lib")) {
                  return;
                }
                if (target.startsWith("/etc")
                    && target.getNameCount() > 2
                    && target.getName(1).toString().startsWith("java")) {
                  out.add(Path.of("/etc").resolve(target.getName(1).toString()));
                } else if (Files.exists(target)) {
                  out.add(target);
                }
              });
    } catch (IOException | RuntimeException e) {
      // Without the JDK's outside links the JVM may still start; the probe at start tells.
    }
    return out;
  }
}
