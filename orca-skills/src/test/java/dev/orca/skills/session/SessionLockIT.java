package dev.orca.skills.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaException;
import dev.orca.kernel.KernelSnapshot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock against another process, and after that process is killed with {@code kill -9}. */
class SessionLockIT {
  @TempDir Path root;
  private Process holder;

  @AfterEach
  void kill() {
    if (holder != null) {
      holder.destroyForcibly();
    }
  }

  @Test
  void anotherProcessHoldingTheSession_refusesItUntilItIsKilled() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    holder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                root.toString(),
                "work")
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the holder's first line").startsWith("locked ");
    long pid = holder.pid();

    assertThatThrownBy(() -> SessionLock.acquire(root, "work", "chat"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("session 'work' is in use by another Orca process (pid " + pid)
        .hasMessageContaining("orca repl, since ")
        .hasMessageContaining("use another --session name or stop that process");
    assertThat(SessionLock.holder(root, "work"))
        .hasValueSatisfying(
            h -> {
              assertThat(h.pid()).isEqualTo(pid);
              assertThat(h.thisProcess()).isFalse();
            });
    // saving into it from here would be overwritten by its next checkpoint, or overwrite it
    SessionBridgeHandlers handlers =
        new SessionBridgeHandlers(
            SessionService.of(new SessionStore(root)),
            new SessionLoader(SessionService.of(new SessionStore(root))));
    ObjectMapper json = new ObjectMapper();
    var args = json.createObjectNode().put("name", "work");
    args.set(
        "snapshot", SnapshotJson.toJson(new KernelSnapshot(List.of(), List.of(), Instant.now())));
    assertThatThrownBy(() -> handlers.saveSessionState(args))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("in use by another Orca process");

    holder.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
    assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(SessionLock.holder(root, "work")).as("released by the OS").isEmpty();
    try (SessionLock mine = SessionLock.acquire(root, "work", "chat")) {
      assertThat(mine.holder().thisProcess()).isTrue();
    }
  }
}
