package dev.orca.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.cli.testing.OrcaProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orca repl} from the shaded jar, fed scripts on stdin, with the real kernel. */
class ReplIT {

  @TempDir Path home;

  record Run(int exit, String out, String err) {}

  Run run(byte[] stdin, String... args) throws Exception {
    List<String> cmd = OrcaProcess.fromShadedJar(args);
    Process p = new ProcessBuilder(cmd).start();
    CompletableFuture<byte[]> out =
        CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin);
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("repl finished").isTrue();
    return new Run(
        p.exitValue(),
        new String(out.get(), StandardCharsets.UTF_8),
        new String(err.get(), StandardCharsets.UTF_8));
  }

  static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void script_runsCellsAndCommandsAndExitsZero() throws Exception {
    String script =
        """
        int x = 20;
        int twice(int v) {
          return v * 2;
        }

        twice(x) + 2
        System.out.println("hello " + x);
        String s = "héllo wörld";
        :vars
        :inspect s
        s.length()
        """;
    Run r = run(script.getBytes(StandardCharsets.UTF_8), "repl", "--home", home.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("42\n").contains("hello 20\n").contains("11\n");
    assertThat(r.out()).contains("x").contains("héllo wörld");
    assertThat(r.out()).doesNotContain("orca>");
    assertThat(Files.isDirectory(home.resolve("workspace"))).isTrue();
  }

  @Test
  void script_withFailuresReportsThemAndExitsOne() throws Exception {
    String script =
        """
        int a = 1;
        int b = nosuch;
        :inspect ghost
        1 / 0
        a + 1
        """;
    Run r = run(script.getBytes(StandardCharsets.UTF_8), "repl", "--home", home.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("error: line 1").contains("nosuch");
    assertThat(r.err()).contains("ghost");
    assertThat(r.err()).contains("ArithmeticException");
    assertThat(r.out()).contains("2\n");
  }

  @Test
  void script_withInvalidUtf8KeepsGoing() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("int k = 5;\n".getBytes(StandardCharsets.UTF_8));
    b.writeBytes(new byte[] {'"', (byte) 0xff, '"', '\n'});
    b.writeBytes("k * 3\n".getBytes(StandardCharsets.UTF_8));
    Run r = run(b.toByteArray(), "repl", "--home", home.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("not valid UTF-8");
    assertThat(r.out()).contains("15\n");
  }

  @Test
  void version_fromTheShadedJar() throws Exception {
    Run r = run(new byte[0], "--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("orca 0.");
  }

  @Test
  void unknownOption_exitsTwo() throws Exception {
    Run r = run(new byte[0], "repl", "--nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option").contains("--help");
    assertThat(r.out()).isEmpty();
  }
}
