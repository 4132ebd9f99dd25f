package dev.orca.kernel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a real JVM under bubblewrap and checks what the OS layer alone blocks. */
class BubblewrapSandboxIT {

  @TempDir Path root;

  @Test
  void wrappedJvm_seesOnlyWorkspaceAndNoNetwork() throws Exception {
    BubblewrapSandbox sandbox = new BubblewrapSandbox();
    assumeTrue(sandbox.available(), sandbox.describe());
    Path workspace = Files.createDirectories(root.resolve("home/workspace"));
    Path secret = root.resolve("home/history.db");
    Files.writeString(secret, "SECRET-IN-HOME");
    Path marker = root.resolve("marker.txt");
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    server.accept().close();
                    connections.incrementAndGet();
                  }
                } catch (Exception e) {
                  // closed
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      List<Path> classpath =
          Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
              .map(Path::of)
              .toList();
      List<String> java = new ArrayList<>();
      java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      java.addAll(
          List.of("-Xmx64m", "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path")));
      java.add(SandboxProbeMain.class.getName());
      java.addAll(
          List.of(secret.toString(), Integer.toString(server.getLocalPort()), marker.toString()));
      List<Path> ro = new ArrayList<>(classpath);
      ProcessBuilder pb = new ProcessBuilder(sandbox.wrap(java, workspace, ro));
      pb.environment().put("ORCA_PLANTED_SECRET", "SECRET-IN-ENV");
      pb.redirectErrorStream(true);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

      // The write may land in the sandbox's private /tmp; it must not reach the host's.
      assertThat(out).contains("read: failed", "connect: failed");
      assertThat(out).contains("workspace: ok");
      assertThat(out).doesNotContain("SECRET-IN-HOME", "SECRET-IN-ENV", "ORCA_PLANTED_SECRET");
      assertThat(out).containsPattern("procs: ok [1-3]\\b");
      assertThat(out).contains("home: ok false");
      assertThat(marker).doesNotExist();
      assertThat(workspace.resolve("inside.txt")).hasContent("ok");
      assertThat(connections.get()).isZero();
    }
  }

  @Test
  void describe_namesTheNamespaces() {
    BubblewrapSandbox sandbox = new BubblewrapSandbox();
    assumeTrue(sandbox.available(), sandbox.describe());
    assertThat(sandbox.describe()).contains("bubblewrap", "network", "pid");
  }

  @Test
  void disableProperty_turnsItOff() {
    System.setProperty(BubblewrapSandbox.DISABLE_PROPERTY, "none");
    try {
      assertThat(new BubblewrapSandbox().available()).isFalse();
      assertThat(OsSandboxes.detect()).isSameAs(OsSandbox.NONE);
    } finally {
      System.clearProperty(BubblewrapSandbox.DISABLE_PROPERTY);
    }
  }

  @Test
  void missingExecutable_isNotAvailableAndSaysWhy() {
    BubblewrapSandbox sandbox = new BubblewrapSandbox("/nonexistent/bwrap");
    assertThat(sandbox.available()).isFalse();
    assertThat(sandbox.describe()).contains("not available");
  }
}
