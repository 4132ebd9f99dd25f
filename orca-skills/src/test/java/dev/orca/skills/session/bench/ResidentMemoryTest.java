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
      // Read again until the tree's figure matches its parts read just before: the child's memory
      // changes while it turns from a copy of the shell into sleep.
      long shellKib = 0;
      long sleeperKib = 0;
      long treeKib = -1;
      for (int i = 0; i < 100 && treeKib != shellKib + sleeperKib; i++) {
        Thread.sleep(20);
        shellKib = ResidentMemory.ofProcessKib(shell.pid()).orElseThrow();
        sleeperKib = ResidentMemory.ofProcessKib(sleeper).orElseThrow();
        treeKib = ResidentMemory.ofTreeKib(shell.pid()).orElseThrow();
      }

      assertThat(sleeperKib).isPositive();
      assertThat(treeKib).isEqualTo(shellKib + sleeperKib);
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
