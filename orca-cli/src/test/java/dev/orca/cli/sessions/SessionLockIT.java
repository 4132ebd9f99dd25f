package dev.orca.cli.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.cli.testing.OrcaProcess;
import dev.orca.skills.session.SessionLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code orca} processes on one {@code --session NAME}: the second is refused with the first's
 * pid, {@code sessions delete} refuses too, and a {@code kill -9} of the first frees the session.
 */
class SessionLockIT {
  @TempDir Path home;
  private Process first;

  @AfterEach
  void killLeftovers() {
    if (first != null) {
      first.descendants().forEach(ProcessHandle::destroyForcibly);
      first.destroyForcibly();
    }
  }

  private record Result(int code, String out, String err) {}

  private Result orca(String stdin, String... args) throws Exception {
    Process p = new ProcessBuilder(OrcaProcess.fromClasspath(args)).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("orca finished").isTrue();
    return new Result(
        p.exitValue(),
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private Path lockFile() {
    return SessionLock.file(home.resolve("learned_skills").resolve("sessions"), "work");
  }

  private boolean lockedBy(long pid) {
    try {
      return Files.exists(lockFile()) && Files.readString(lockFile()).contains("\"pid\":" + pid);
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aSecondProcessOnTheSameSession_isRefusedUntilTheFirstIsKilled() throws Exception {
    first =
        new ProcessBuilder(
                OrcaProcess.fromClasspath("repl", "--home", home.toString(), "--session", "work"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    long pid = first.pid();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!lockedBy(pid)) {
      assertThat(System.nanoTime()).as("the first process locks the session").isLessThan(deadline);
      assertThat(first.isAlive()).as("the first process runs").isTrue();
      Thread.sleep(100);
    }

    Result second = orca("1 + 1\n", "repl", "--home", home.toString(), "--session", "work");
    assertThat(second.code()).as(second.err()).isEqualTo(2);
    assertThat(second.err())
        .contains("session 'work' is in use by another Orca process (pid " + pid + ", orca repl")
        .contains("use another --session name or stop that process");
    assertThat(second.out()).isEmpty();

    Result delete = orca("", "sessions", "delete", "work", "--home", home.toString());
    assertThat(delete.code()).isEqualTo(1);
    assertThat(delete.err()).contains("session 'work' is in use").contains("pid " + pid);

    first.destroyForcibly(); // SIGKILL: the OS releases the lock
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Result third = orca("int b = 2;\nb\n", "repl", "--home", home.toString(), "--session", "work");
    assertThat(third.code()).as(third.err()).isZero();
    assertThat(third.out()).isEqualTo("2\n");
    assertThat(lockFile()).as("deleted when the third process ended").doesNotExist();
  }
}
