package dev.orca.kernel.sandbox;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run inside the OS sandbox by {@link BubblewrapSandboxIT} (with no bytecode policy): tries what
 * the OS layer alone must stop and prints one line per attempt.
 */
public final class SandboxProbeMain {
  private SandboxProbeMain() {}

  /**
   * Arguments: a file outside the workspace to read, a loopback port on the host, a path outside
   * the workspace to create.
   */
  public static void main(String[] args) {
    attempt("read", () -> Files.readString(Path.of(args[0])));
    attempt(
        "connect",
        () -> {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 2000);
          }
          return "connected";
        });
    attempt("write", () -> Files.writeString(Path.of(args[2]), "x").toString());
    attempt("workspace", () -> Files.writeString(Path.of("inside.txt"), "ok").toString());
    attempt("env", () -> String.join(",", new java.util.TreeSet<>(System.getenv().keySet())));
    attempt(
        "procs", () -> String.valueOf(new File("/proc").list((d, n) -> n.matches("\\d+")).length));
    attempt(
        "home",
        () -> String.valueOf(Files.exists(Path.of(System.getProperty("user.home"), ".m2"))));
    System.out.flush();
  }

  private interface Attempt {
    Object run() throws Exception;
  }

  private static void attempt(String name, Attempt a) {
    try {
      System.out.println(name + ": ok " + a.run());
    } catch (Throwable t) {
      System.out.println(name + ": failed " + t.getClass().getSimpleName());
    }
  }
}
