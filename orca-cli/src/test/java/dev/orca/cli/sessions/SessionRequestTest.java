package dev.orca.cli.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaHome;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.skills.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRequestTest {

  @TempDir Path dir;

  private OrcaHome home() {
    return new OrcaHome(dir).create();
  }

  private void save(OrcaHome home, String name) {
    SessionStore.forHome(home)
        .save(name, new KernelSnapshot(List.of(), List.of(), Instant.now()), List.of());
  }

  @Test
  void withoutAName_aNewSessionGetsAGeneratedTimestampName() {
    RunSession s = SessionRequest.of("repl", null).resolve(home());
    assertThat(s.name()).matches("repl-\\d{8}-\\d{6}-[0-9a-f]{4}");
    assertThat(s.generated()).isTrue();
    assertThat(s.resume()).isFalse();
    assertThat(RunSession.isGenerated(s.name())).isTrue();
    assertThat(s.recordCells()).isTrue();
    assertThat(s.config().keep()).isEqualTo(20);
  }

  @Test
  void session_resumesWhenItExistsAndStartsItOtherwise() {
    OrcaHome home = home();
    assertThat(SessionRequest.of("mcp", "work").resolve(home).resume()).isFalse();
    save(home, "work");
    RunSession s = SessionRequest.of("mcp", "work").resolve(home);
    assertThat(s.resume()).isTrue();
    assertThat(s.generated()).isFalse();
    assertThat(RunSession.isGenerated("work")).isFalse();
  }

  @Test
  void resume_withoutANameTakesTheMostRecentSession() throws Exception {
    OrcaHome home = home();
    save(home, "older");
    Thread.sleep(20);
    save(home, "newer");
    RunSession s = SessionRequest.resume("chat", null).recordedByTheLoop().resolve(home);
    assertThat(s.name()).isEqualTo("newer");
    assertThat(s.resume()).isTrue();
    assertThat(s.recordCells()).isFalse();
  }

  @Test
  void resume_ofAnUnknownSessionListsThoseThatExist() {
    OrcaHome home = home();
    save(home, "alpha");
    save(home, "beta");
    assertThatThrownBy(() -> SessionRequest.resume("chat", "gamma").resolve(home))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no session named 'gamma'")
        .hasMessageContaining("alpha")
        .hasMessageContaining("beta")
        .hasMessageContaining("orca sessions list");
  }

  @Test
  void resume_withNoSessionsAtAllSaysSo() {
    assertThatThrownBy(() -> SessionRequest.resume("chat", "").resolve(home()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no saved session to resume");
  }

  @Test
  void invalidNamesAndConfigAreUsageErrors() throws Exception {
    OrcaHome home = home();
    assertThatThrownBy(() -> SessionRequest.of("repl", "../escape").resolve(home))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Invalid session name");
    Files.writeString(home.configFile(), "[sessions]\nkeep = 0\n");
    assertThatThrownBy(() -> SessionRequest.of("repl", "ok").resolve(home))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("keep");
  }
}
