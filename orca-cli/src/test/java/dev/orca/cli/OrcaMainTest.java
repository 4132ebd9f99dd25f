package dev.orca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OrcaMainTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = OrcaMain.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void version_printsVersionAndExitsZero() {
    assertThat(run("--version")).isEqualTo(0);
    assertThat(out.toString()).startsWith("orca ");
  }

  @Test
  void subcommands_includeReplMcpDoctor() {
    assertThat(OrcaMain.commandLine().getSubcommands()).containsKeys("repl", "mcp", "doctor");
  }

  @Test
  void commandLineForOneSubcommand_buildsOnlyThatOne() {
    assertThat(OrcaMain.commandLine("mcp").getSubcommands().keySet())
        .containsExactlyInAnyOrder("mcp", "help");
  }

  @Test
  void commandLineForAnUnknownFirstArgument_buildsAllSoTheErrorCanListThem() {
    assertThat(OrcaMain.commandLine("nosuch").getSubcommands())
        .containsKeys("repl", "mcp", "doctor", "run", "chat", "bench");
    assertThat(OrcaMain.commandLine("--version").getSubcommands()).containsKeys("repl", "bench");
  }

  @Test
  void unknownOption_exitsTwoWithUsageHint() {
    assertThat(run("--frobnicate")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Unknown option: '--frobnicate'").contains("--help");
  }

  @Test
  void unknownSubcommandOption_exitsTwo() {
    assertThat(run("mcp", "--all-toolz")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--all-toolz");
  }

  @Test
  void badSandboxValue_exitsTwoSayingWhatIsAllowed() {
    assertThat(run("repl", "--sandbox", "maybe")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("auto, strict or off");
  }

  @Test
  void badHeapValue_exitsTwo() {
    assertThat(run("doctor", "--heap", "lots")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--heap");
  }

  @Test
  void unusableHome_exitsTwoWithClearMessageAndNoStackTrace() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertThat(run("doctor", "--home", file.resolve("home").toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("Cannot create the Orca home")
        .contains("--home")
        .doesNotContain("\tat ");
  }

  @Test
  void invalidConfig_exitsTwo() throws Exception {
    Files.writeString(dir.resolve("config.toml"), "[kernel]\nsandbox = 3\n");
    assertThat(run("doctor", "--home", dir.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("sandbox must be a string");
  }

  @Test
  void verbose_showsStackTraceOfConfigurationErrors() throws Exception {
    Files.writeString(dir.resolve("config.toml"), "[kernel]\nsandbox = 3\n");
    assertThat(run("doctor", "--verbose", "--home", dir.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("\tat ");
  }

  @Test
  void errorHandler_mapsExceptionsToExitCodes() {
    assertThat(ErrorHandler.exitCodeOf(dev.orca.core.OrcaException.configuration("x")))
        .isEqualTo(2);
    assertThat(ErrorHandler.exitCodeOf(dev.orca.core.OrcaException.invalid("x"))).isEqualTo(1);
    assertThat(ErrorHandler.exitCodeOf(new IllegalStateException("x"))).isEqualTo(1);
    assertThat(ErrorHandler.messageOf(new IllegalStateException("boom")))
        .contains("internal error")
        .contains("boom")
        .contains("--verbose");
  }
}
