package dev.orca.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.cli.sessions.SessionRequest;
import dev.orca.cli.testing.FakeKernel;
import dev.orca.core.ConfigurationException;
import dev.orca.skills.session.SessionLock;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runtime holds its session's lock from open to close. */
class OrcaRuntimeLockTest {
  @TempDir Path home;

  private OrcaRuntime open(SessionRequest request) {
    return OrcaRuntime.builder()
        .home(home)
        .env(Map.of())
        .kernelFactory(options -> new FakeKernel())
        .shutdownHook(false)
        .session(request)
        .build();
  }

  @Test
  void aSecondRuntimeOnTheSameSession_isRefusedUntilTheFirstCloses() {
    Path sessions = home.resolve("learned_skills").resolve("sessions");
    try (OrcaRuntime first = open(SessionRequest.of("repl", "work"))) {
      assertThat(SessionLock.holder(sessions, "work"))
          .hasValueSatisfying(h -> assertThat(h.command()).isEqualTo("repl"));
      assertThatThrownBy(() -> open(SessionRequest.of("chat", "work")))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("session 'work' is already in use");
      // another session is free
      open(SessionRequest.of("run", "other")).close();
    }
    assertThat(SessionLock.holder(sessions, "work")).isEmpty();
    try (OrcaRuntime again = open(SessionRequest.of("chat", "work"))) {
      assertThat(again.session().orElseThrow().name()).isEqualTo("work");
    }
  }

  @Test
  void aRuntimeWithoutASession_locksNothing() {
    try (OrcaRuntime r =
        OrcaRuntime.builder()
            .home(home)
            .env(Map.of())
            .kernelFactory(options -> new FakeKernel())
            .shutdownHook(false)
            .build()) {
      assertThat(r.session()).isEmpty();
    }
  }
}
