package dev.orca.skills.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.kernel.SandboxMode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the kernel and of the host mid-session: nothing checkpointed is lost. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionCrashIT {
  @TempDir static Path dir;
  private Kernel kernel;

  @BeforeAll
  void start() throws Exception {
    kernel =
        JShellKernel.start(
            KernelOptions.defaults(Files.createDirectories(dir.resolve("ws")))
                .withSandbox(SandboxMode.OFF));
  }

  @AfterAll
  void stop() {
    kernel.close();
  }

  private String value(String code) {
    ExecutionResult r = kernel.execute(code);
    assertThat(r).as("%s -> %s", code, r).isInstanceOf(ExecutionResult.Success.class);
    return ((ExecutionResult.Success) r).value();
  }

  @Test
  void killMinus9OfTheKernel_losesOnlyTheRunningCell() throws Exception {
    SessionStore store = new SessionStore(dir.resolve("child-sessions"));
    SessionCheckpointer cp = new SessionCheckpointer(store, "child-crash", List::of);
    for (String cell : CrashHost.CELLS) {
      cp.beforeCell(cell);
      assertThat(cp.afterCell(kernel, kernel.execute(cell)).written()).isTrue();
    }
    long pid = kernel.info().pid();
    cp.beforeCell(CrashHost.SLOW);
    CompletableFuture<ExecutionResult> running =
        CompletableFuture.supplyAsync(() -> kernel.execute(CrashHost.SLOW, Duration.ofSeconds(60)));
    Thread.sleep(1500);
    ProcessHandle child = ProcessHandle.of(pid).orElseThrow();
    assertThat(child.destroyForcibly()).isTrue();
    ExecutionResult result = running.get(120, TimeUnit.SECONDS);
    assertThat(result).isInstanceOf(ExecutionResult.Died.class);

    // Before the runtime acknowledges the death, the session says what was running.
    LoadedSession crashed = store.load("child-crash");
    assertThat(crashed.interrupted()).isPresent();
    assertThat(crashed.interrupted().get().code()).isEqualTo(CrashHost.SLOW);
    assertThat(cp.afterCell(kernel, result).written()).isFalse();
    assertThat(store.running("child-crash")).isEmpty();

    SessionService.of(store).loadInto("child-crash", kernel);
    assertThat(value("a")).isEqualTo("41");
    assertThat(value("s")).isEqualTo("\"kept\"");
    assertThat(value("xs")).isEqualTo("[1, 2, 3, 4]");
  }

  @Test
  void killMinus9OfTheHost_keepsEveryCheckpointAndNamesTheRunningCell() throws Exception {
    Path hostDir = dir.resolve("host");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process host =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashHost.class.getName(),
                hostDir.toString())
            .redirectErrorStream(true)
            .start();
    long kernelPid = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      String line;
      boolean runningSeen = false;
      while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
        if (line.startsWith("KERNEL ")) {
          kernelPid = Long.parseLong(line.substring(7).trim());
        } else if (line.equals("RUNNING")) {
          runningSeen = true;
          break;
        } else if (line.startsWith("CHECKPOINT FAILED")) {
          throw new AssertionError(line);
        }
      }
      assertThat(runningSeen).as("host reached the slow cell").isTrue();
      Thread.sleep(1000);
      host.destroyForcibly(); // SIGKILL
      assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      host.destroyForcibly();
      if (kernelPid > 0) {
        ProcessHandle.of(kernelPid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }

    SessionStore store = new SessionStore(hostDir.resolve("sessions"));
    LoadedSession loaded = store.load(CrashHost.SESSION);
    assertThat(loaded.interrupted()).isPresent();
    assertThat(loaded.interrupted().get().code()).isEqualTo(CrashHost.SLOW);
    assertThat(loaded.interrupted().get().hostPid()).isEqualTo(host.pid());
    assertThat(loaded.snapshot().variables())
        .extracting(v -> v.name())
        .containsExactly("a", "s", "xs");

    LoadReport report = SessionService.of(store).loadInto(CrashHost.SESSION, kernel);
    assertThat(report.describe()).contains("was running").contains("a = 99;");
    assertThat(value("a")).isEqualTo("41");
    assertThat(value("xs")).isEqualTo("[1, 2, 3, 4]");
    try (var files = Files.list(hostDir.resolve("sessions"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(CrashHost.SESSION);
    }
  }
}
