package dev.orca.skills.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaException;
import dev.orca.kernel.KernelSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLockTest {
  @TempDir Path root;

  @Test
  void acquire_holdsTheSessionUntilClosed() {
    SessionLock lock = SessionLock.acquire(root, "work", "repl");
    assertThat(lock.path()).isEqualTo(root.resolve(".locks").resolve("work.lock")).exists();
    assertThat(SessionLock.holder(root, "work"))
        .hasValueSatisfying(
            h -> {
              assertThat(h.pid()).isEqualTo(ProcessHandle.current().pid());
              assertThat(h.thisProcess()).isTrue();
              assertThat(h.command()).isEqualTo("repl");
            });
    assertThat(SessionLock.holder(root, "other")).isEmpty();

    assertThatThrownBy(() -> SessionLock.acquire(root, "work", "chat"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("session 'work' is already in use")
        .hasMessageContaining("pid " + ProcessHandle.current().pid());

    lock.close();
    lock.close(); // idempotent
    assertThat(lock.path()).doesNotExist();
    assertThat(SessionLock.holder(root, "work")).isEmpty();
    try (SessionLock again = SessionLock.acquire(root, "work", "chat")) {
      assertThat(again.holder().command()).isEqualTo("chat");
    }
  }

  @Test
  void aLockFileLeftByACrashedProcess_doesNotLockTheSession() throws Exception {
    Path stale = Files.createDirectories(root.resolve(".locks")).resolve("work.lock");
    Files.writeString(stale, "{\"pid\":999999,\"since\":\"2020-01-01T00:00:00Z\"}");

    assertThat(SessionLock.holder(root, "work")).isEmpty();
    try (SessionLock lock = SessionLock.acquire(root, "work", "run")) {
      assertThat(Files.readString(stale)).contains("\"pid\":" + ProcessHandle.current().pid());
    }
  }

  @Test
  void theLockFile_isNotASessionAndSurvivesCheckpoints() {
    SessionStore store = new SessionStore(root);
    try (SessionLock lock = SessionLock.acquire(root, "work", "repl")) {
      store.save("work", new KernelSnapshot(List.of(), List.of(), Instant.now()), List.of());
      store.save("work", new KernelSnapshot(List.of(), List.of(), Instant.now()), List.of());
      assertThat(store.list()).extracting(SessionSummary::name).containsExactly("work");
      assertThat(lock.path()).exists();
      assertThat(SessionLock.holder(root, "work")).isPresent();
      // this process may save into its own session
      SessionLock.checkNotHeldElsewhere(root, "work", "saveSessionState(\"work\")");
    }
  }

  @Test
  void names_areChecked() {
    assertThatThrownBy(() -> SessionLock.acquire(root, "../x", "repl"))
        .isInstanceOf(OrcaException.class);
  }
}
