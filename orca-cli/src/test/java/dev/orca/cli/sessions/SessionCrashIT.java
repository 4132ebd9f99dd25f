package dev.orca.cli.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.cli.testing.OrcaProcess;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.skills.session.LoadedSession;
import dev.orca.skills.session.SessionStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orca repl --session NAME} as a real process, {@code kill -9} of the host in the middle of
 * a cell, and of the kernel child: what was checkpointed comes back, and the next run names the
 * cell that was running.
 */
class SessionCrashIT {

  private static final String SLOW = "a = 99; Thread.sleep(50_000);";
  private static final String CELLS =
      """
      int a = 41;
      String s = "kept";
      List<Integer> xs = new ArrayList<>(List.of(1, 2, 3));
      xs.add(4);
      """;

  @TempDir Path home;
  private Process host;

  @AfterEach
  void killLeftovers() {
    if (host != null) {
      host.descendants().forEach(ProcessHandle::destroyForcibly);
      host.destroyForcibly();
    }
  }

  /** A running {@code orca repl}: stdin open, stdout and stderr collected as they come. */
  private Process repl(String session, StringBuffer out, StringBuffer err) throws IOException {
    Process p =
        new ProcessBuilder(
                OrcaProcess.fromClasspath("repl", "--home", home.toString(), "--session", session))
            .start();
    collect(p.getInputStream(), out);
    collect(p.getErrorStream(), err);
    return p;
  }

  private static void collect(InputStream in, StringBuffer into) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[4096];
              try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                  into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                // the process is gone
              }
            });
    t.setDaemon(true);
    t.start();
  }

  private static void send(Process p, String text) throws IOException {
    OutputStream in = p.getOutputStream();
    in.write(text.getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private static void await(String what, BooleanSupplier condition, StringBuffer err)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; stderr so far:\n" + err);
      }
      Thread.sleep(100);
    }
  }

  private SessionStore store() {
    return new SessionStore(home.resolve("learned_skills").resolve("sessions"));
  }

  private boolean running(String session, String code) {
    Path marker = store().directory(session).resolve(SessionStore.RUNNING);
    try {
      return Files.exists(marker) && Files.readString(marker).contains(code.substring(0, 10));
    } catch (IOException e) {
      return false; // being replaced
    }
  }

  private static Map<String, String> values(LoadedSession s) {
    return s.snapshot().variables().stream()
        .filter(KernelSnapshot.VariableValue::restorable)
        .collect(Collectors.toMap(KernelSnapshot.VariableValue::name, v -> v.json()));
  }

  @Test
  void killMinus9OfTheHost_theNextRunResumesEveryCheckpointAndNamesTheRunningCell()
      throws Exception {
    StringBuffer out = new StringBuffer();
    StringBuffer err = new StringBuffer();
    host = repl("work", out, err);
    send(host, CELLS + SLOW + "\n");
    await("the slow cell to start", () -> running("work", SLOW), err);
    List<ProcessHandle> children = host.descendants().toList();
    assertThat(children).as("the kernel's child JVM").isNotEmpty();

    host.destroyForcibly(); // SIGKILL: no shutdown hook, no last checkpoint
    assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // the kernel notices its host is gone (its stdin closes) and exits
    for (ProcessHandle child : children) {
      child.onExit().get(30, TimeUnit.SECONDS);
      assertThat(child.isAlive()).as("kernel process %s", child.pid()).isFalse();
    }

    LoadedSession crashed = store().load("work");
    assertThat(crashed.interrupted()).isPresent();
    assertThat(crashed.interrupted().get().code()).isEqualTo(SLOW);
    assertThat(values(crashed)).containsOnlyKeys("a", "s", "xs").containsEntry("a", "41");

    StringBuffer out2 = new StringBuffer();
    StringBuffer err2 = new StringBuffer();
    host = repl("work", out2, err2);
    send(host, "a\ns\nxs\nint b = a + 1;\n");
    host.getOutputStream().close();
    assertThat(host.waitFor(180, TimeUnit.SECONDS)).as("second run finished").isTrue();
    assertThat(host.exitValue()).as(err2.toString()).isZero();
    assertThat(out2.toString()).isEqualTo("41\n\"kept\"\n[1, 2, 3, 4]\n");
    assertThat(err2.toString())
        .contains("Resumed session 'work'")
        .contains("restored 3 of 3 variable(s)")
        .containsPattern("a\\s+restored from data \\(json\\)")
        .containsPattern("xs\\s+restored from data \\(json\\)")
        .contains("The cell that was running when the process stopped")
        .contains("process " + crashed.interrupted().get().hostPid())
        .contains(SLOW);

    LoadedSession after = store().load("work");
    assertThat(after.interrupted()).as("reported once, then cleared").isEmpty();
    assertThat(values(after)).containsEntry("a", "41").containsEntry("b", "42");
  }

  @Test
  void killMinus9OfTheKernel_theSessionGoesOnAndItsCheckpointStaysConsistent() throws Exception {
    StringBuffer out = new StringBuffer();
    StringBuffer err = new StringBuffer();
    host = repl("kernel-crash", out, err);
    send(host, CELLS + SLOW + "\n");
    await("the slow cell to start", () -> running("kernel-crash", SLOW), err);
    List<ProcessHandle> kernels =
        host.descendants()
            .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
            .toList();
    assertThat(kernels).as("the kernel's JVM").hasSize(1);
    kernels.get(0).destroyForcibly();

    await("the REPL to report the kernel's death", () -> err.toString().contains("died"), err);
    // the death cleared the running marker and left the last checkpoint as it was
    await("the running marker to clear", () -> !running("kernel-crash", SLOW), err);
    LoadedSession between = store().load("kernel-crash");
    assertThat(between.interrupted()).isEmpty();
    assertThat(values(between))
        .containsOnlyKeys("a", "s", "xs")
        .containsEntry("a", "41")
        .containsEntry("xs", "[1,2,3,4]");

    send(host, "int b = a + 1;\nb\n");
    host.getOutputStream().close();
    assertThat(host.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(host.exitValue()).as("the dead cell failed").isEqualTo(1);
    assertThat(out.toString()).endsWith("42\n");
    // the rebuilt kernel's next checkpoint holds the restored variables and the new one
    LoadedSession after = store().load("kernel-crash");
    assertThat(values(after))
        .containsOnlyKeys("a", "s", "xs", "b")
        .containsEntry("a", "41")
        .containsEntry("s", "\"kept\"")
        .containsEntry("b", "42");
  }
}
