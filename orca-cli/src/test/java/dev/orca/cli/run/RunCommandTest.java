package dev.orca.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orca.cli.ErrorHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
  @TempDir Path home;

  private int run(ByteArrayOutputStream err, String... args) {
    CommandLine cl = new CommandLine(new RunCommand());
    ErrorHandler h = new ErrorHandler(false);
    cl.setExecutionExceptionHandler(h);
    cl.setParameterExceptionHandler(h);
    PrintStream old = System.err;
    PrintStream capture = new PrintStream(err, true);
    System.setErr(capture);
    cl.setErr(new java.io.PrintWriter(capture, true));
    try {
      return cl.execute(args);
    } finally {
      System.setErr(old);
    }
  }

  @Test
  void run_withoutAConfiguredModelExits2AndSaysHowToConfigureOne() {
    assumeTrue(System.getenv("ORCA_MODEL") == null, "ORCA_MODEL configures a model here");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = run(err, "--home", home.toString(), "count the files");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("no model is configured")
        .contains("--model")
        .contains("orca repl");
  }

  @Test
  void run_withABrokenConfigExits2() throws Exception {
    Files.writeString(home.resolve("config.toml"), "[model]\nprovider = \"mistral\"\n");
    Exception[] caught = new Exception[1];
    CommandLine cl = new CommandLine(new RunCommand());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          caught[0] = ex;
          return ErrorHandler.exitCodeOf(ex);
        });

    int code = cl.execute("--home", home.toString(), "x");

    assertThat(code).isEqualTo(2);
    assertThat(caught[0]).hasMessageContaining("Unknown model provider 'mistral'");
  }
}
