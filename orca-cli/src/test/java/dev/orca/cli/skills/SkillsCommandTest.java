package dev.orca.cli.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.cli.OrcaMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillsCommandTest {

  @TempDir Path tmp;

  private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return OrcaMain.commandLine().execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void list_emptyHomeSaysHowSkillsAreMade() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = run(out, new ByteArrayOutputStream(), "skills", "list", "--home", tmp.toString());

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("generateFunction");
  }

  @Test
  void approve_unknownSkillFailsWithAClearMessage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        run(
            new ByteArrayOutputStream(),
            err,
            "skills",
            "approve",
            "nope",
            "--home",
            tmp.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("No learned function nope");
  }

  @Test
  void eval_unknownSuiteIsAUsageError() {
    int code =
        run(
            new ByteArrayOutputStream(),
            new ByteArrayOutputStream(),
            "eval",
            "other",
            "--home",
            tmp.toString());

    assertThat(code).isEqualTo(2);
  }
}
