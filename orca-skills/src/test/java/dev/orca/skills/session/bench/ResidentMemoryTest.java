package dev.orca.skills.session.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

  @Test
  void ofProcessKib_readsThisJvmsResidentSet() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
    long self = ProcessHandle.current().pid();

    // A JVM running tests holds tens of MiB at least.
    assertThat(ResidentMemory.ofProcessKib(self).orElseThrow()).isGreaterThan(10_000);
  }

  @Test
  void ofTreeKib_addsTheDescendants() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
    Process shell = new ProcessBuilder("sh", "-c", "sleep 30 & wait").start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (shell.descendants().findAny().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      long sleeper = shell.descendants().findFirst().orElseThrow().pid();
      long shellKib = ResidentMemory.ofProcessKib(shell.pid()).orElseThrow();
      long sleeperKib = ResidentMemory.ofProcessKib(sleeper).orElseThrow();

      assertThat(sleeperKib).isPositive();
      assertThat(ResidentMemory.ofTreeKib(shell.pid())).hasValue(shellKib + sleeperKib);
    } finally {
      shell.descendants().forEach(ProcessHandle::destroyForcibly);
      shell.destroyForcibly();
    }
  }

  @Test
  void ofTreeKib_hasNoFigureForNoProcessOrOneThatIsGone() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();

    assertThat(ResidentMemory.ofTreeKib(-1)).isEmpty();
    assertThat(ResidentMemory.ofTreeKib(done.pid())).isEmpty();
  }
}
