package dev.orca.kernel.sandbox;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The world an attack case runs in: an Orca home with a workspace and things worth stealing around
 * it, a directory outside the workspace where markers must never appear, and loopback TCP and UDP
 * listeners that must never see a connection.
 */
final class SandboxWorld implements AutoCloseable {

  final String secret = "ORCA-SECRET-" + UUID.randomUUID();
  final Path home;
  final Path workspace;
  final Path out;
  final Path secretFile;
  private final ServerSocket tcp;
  private final DatagramSocket udp;
  final AtomicInteger connections = new AtomicInteger();

  SandboxWorld(Path root) throws IOException {
    home = Files.createDirectories(root.resolve("home"));
    workspace = Files.createDirectories(home.resolve("workspace"));
    Files.createDirectories(home.resolve("learned_skills/functions"));
    Files.writeString(home.resolve("learned_skills/functions/Skill.java"), "// " + secret);
    Files.writeString(home.resolve("history.db"), "history " + secret);
    Files.writeString(home.resolve("config.toml"), "api_key = \"" + secret + "\"");
    out = Files.createDirectories(root.resolve("outside"));
    secretFile = out.resolve("secret.txt");
    Files.writeString(secretFile, secret);
    Files.createSymbolicLink(workspace.resolve("escape-link"), out);
    Files.createSymbolicLink(workspace.resolve("dangling-link"), out.resolve("dangling"));
    tcp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    DatagramSocket u;
    try {
      u = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      u = null;
    }
    udp = u;
    daemon(
        () -> {
          while (!tcp.isClosed()) {
            tcp.accept().close();
            connections.incrementAndGet();
          }
        });
    if (udp != null) {
      daemon(
          () -> {
            while (!udp.isClosed()) {
              udp.receive(new DatagramPacket(new byte[16], 16));
              connections.incrementAndGet();
            }
          });
    }
  }

  private interface Loop {
    void run() throws IOException;
  }

  private static void daemon(Loop loop) {
    Thread t =
        new Thread(
            () -> {
              try {
                loop.run();
              } catch (IOException e) {
                // closed
              }
            });
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return tcp.getLocalPort();
  }

  Map<String, String> placeholders() {
    return Map.of(
        "OUT", out.toString(),
        "SECRET_FILE", secretFile.toString(),
        "HOME", home.toString(),
        "PORT", Integer.toString(port()));
  }

  /** Everything outside the workspace, with sizes: must not change during an attack. */
  Set<String> outsideState() throws IOException {
    Set<String> state = new TreeSet<>();
    for (Path dir : new Path[] {home, out, home.getParent()}) {
      try (Stream<Path> s = Files.walk(dir, dir.equals(home.getParent()) ? 1 : 5)) {
        s.filter(p -> !p.startsWith(workspace))
            .forEach(
                p -> {
                  try {
                    state.add(p + ":" + (Files.isRegularFile(p) ? Files.size(p) : -1));
                  } catch (IOException e) {
                    state.add(p + ":?");
                  }
                });
      }
    }
    return state;
  }

  /** Removes what a case left in the workspace (keeps the planted links). */
  void cleanWorkspace() throws IOException {
    try (Stream<Path> s = Files.list(workspace)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (n.equals("escape-link") || n.equals("dangling-link")) {
          continue;
        }
        try (Stream<Path> w = Files.walk(p)) {
          for (Path q : w.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
            Files.deleteIfExists(q);
          }
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    tcp.close();
    if (udp != null) {
      udp.close();
    }
  }
}
