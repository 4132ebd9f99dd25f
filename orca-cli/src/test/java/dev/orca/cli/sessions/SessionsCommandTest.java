package dev.orca.cli.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.cli.OrcaMain;
import dev.orca.core.OrcaHome;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.skills.session.SessionLock;
import dev.orca.skills.session.SessionStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsCommandTest {
  @TempDir Path home;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = OrcaMain.commandLine().execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void sessions_listShowDelete() {
    SessionStore store = SessionStore.forHome(new OrcaHome(home).create());
    store.save(
        "work",
        new KernelSnapshot(
            List.of(),
            List.of(
                new KernelSnapshot.VariableValue("n", "int", "42", null),
                new KernelSnapshot.VariableValue("t", "Thread", null, "not plain data")),
            Instant.now()),
        List.of());

    Run list = run("sessions", "list", "--home", home.toString());
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("work").contains("1 not restorable");

    Run show = run("sessions", "show", "work", "--home", home.toString());
    assertThat(show.code()).isZero();
    assertThat(show.out())
        .contains("n")
        .contains("json")
        .contains("not restorable: not plain data");

    assertThat(run("sessions", "delete", "work", "--home", home.toString()).code()).isZero();
    Run missing = run("sessions", "show", "work", "--home", home.toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no session named 'work'");
  }

  @Test
  void aSessionInUse_isShownAsSuchAndNotDeleted() {
    SessionStore store = SessionStore.forHome(new OrcaHome(home).create());
    store.save("busy", new KernelSnapshot(List.of(), List.of(), Instant.now()), List.of());

    try (SessionLock lock = SessionLock.acquire(store.root(), "busy", "chat")) {
      assertThat(run("sessions", "list", "--home", home.toString()).out())
          .contains("in use (pid " + ProcessHandle.current().pid() + ")");
      assertThat(run("sessions", "show", "busy", "--home", home.toString()).out())
          .contains("in use:      by pid " + ProcessHandle.current().pid() + ", orca chat");

      Run delete = run("sessions", "delete", "busy", "--home", home.toString());
      assertThat(delete.code()).isEqualTo(1);
      assertThat(delete.err()).contains("session 'busy' is in use").contains("not deleted");
      assertThat(store.exists("busy")).isTrue();
    }
    assertThat(run("sessions", "delete", "busy", "--home", home.toString()).code()).isZero();
    assertThat(store.exists("busy")).isFalse();
  }
}
