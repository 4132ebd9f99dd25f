package dev.orca.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.cli.mcp.OrcaTools;
import dev.orca.cli.testing.FakeKernel;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.KernelBridge;
import dev.orca.kernel.Output;
import dev.orca.kernel.VariableInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplTest {

  private final FakeKernel kernel = new FakeKernel();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(byte[] input, Runnable skills) {
    Repl repl =
        new Repl(
            new StreamLineSource(new ByteArrayInputStream(input)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            () -> kernel,
            new OrcaTools(() -> kernel, KernelBridge.NONE, Duration.ofSeconds(30)),
            Duration.ofSeconds(7),
            skills);
    return repl.run();
  }

  private int run(String input) {
    return run(input.getBytes(StandardCharsets.UTF_8), null);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void cells_spanningLinesRunWhenComplete() {
    assertThat(run("int f(int x) {\n  return x;\n}\nf(2)\n")).isZero();
    assertThat(kernel.executed).containsExactly("int f(int x) {\n  return x;\n}", "f(2)");
    assertThat(kernel.timeouts).containsOnly(Duration.ofSeconds(7));
  }

  @Test
  void values_arePrintedBareInPlainMode() {
    kernel.behaviour =
        code ->
            new ExecutionResult.Success(
                "42", "int", false, new Output("hi\n", "", false, false), Duration.ZERO);
    run("6 * 7\n");
    assertThat(out()).isEqualTo("hi\n42\n");
  }

  @Test
  void blankLinesAndCrLf_areHandled() {
    assertThat(run("\n   \r\n1\r\n\n")).isZero();
    assertThat(kernel.executed).containsExactly("1");
  }

  @Test
  void incompleteCellAtEof_isStillRun() {
    run("foo(\n1,\n");
    assertThat(kernel.executed).containsExactly("foo(\n1,");
  }

  @Test
  void failedCell_makesExitCodeOneButLaterCellsRun() {
    kernel.behaviour =
        code ->
            code.equals("bad")
                ? new ExecutionResult.CompileError(
                    0,
                    List.of(new dev.orca.kernel.Diagnostic(1, 2, "cannot find symbol", "")),
                    Output.EMPTY,
                    Duration.ZERO)
                : FakeKernel.success("ok", "String");
    assertThat(run("bad\ngood\n")).isEqualTo(1);
    assertThat(kernel.executed).containsExactly("bad", "good");
    assertThat(err()).contains("error: line 1, column 2: cannot find symbol");
    assertThat(out()).isEqualTo("ok\n");
  }

  @Test
  void commands_varsInspectHelp() {
    kernel.variables.put("xs", new VariableInfo("xs", "List<Integer>", "3 elements"));
    assertThat(run(":vars\n:inspect xs\n:help\n")).isZero();
    assertThat(out())
        .contains("List<Integer> xs = 3 elements")
        .contains("inspected 3 elements")
        .contains(":inspect NAME");
    assertThat(kernel.executed).isEmpty();
  }

  @Test
  void inspectUnknownVariable_isAClearErrorAndTheReplGoesOn() {
    assertThat(run(":inspect ghost\n1\n")).isEqualTo(1);
    assertThat(err()).contains("error: No variable named 'ghost'");
    assertThat(kernel.executed).containsExactly("1");
  }

  @Test
  void quit_stopsReadingInput() {
    run("1\n:quit\n2\n");
    assertThat(kernel.executed).containsExactly("1");
  }

  @Test
  void unknownCommandAndMissingArgument_sayWhatToDo() {
    run(":frob\n:inspect\n");
    assertThat(err()).contains("unknown command :frob").contains(":inspect needs NAME");
  }

  @Test
  void notYetAvailableCommands_sayso() {
    run(":save s1\n:skills\n");
    assertThat(err()).contains("save_session_state is not available yet");
    assertThat(err()).contains("skills are not available yet");
  }

  @Test
  void skills_runTheSkillsListerWhenPresent() {
    boolean[] ran = new boolean[1];
    run(":skills\n".getBytes(StandardCharsets.UTF_8), () -> ran[0] = true);
    assertThat(ran[0]).isTrue();
  }

  @Test
  void search_findsMetaTools() {
    assertThat(run(":search inspect a variable\n")).isZero();
    assertThat(out()).contains("inspect_variable");
  }

  @Test
  void invalidUtf8_isReportedSkippedAndNothingElseLost() {
    byte[] input =
        concat("int a = 1;\n", new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"', '\n'}, "a\n");
    assertThat(run(input, null)).isEqualTo(1);
    assertThat(err()).contains("line 2 is not valid UTF-8").contains("column 2");
    assertThat(kernel.executed).containsExactly("int a = 1;", "a");
  }

  @Test
  void hugeCell_isDroppedWithAClearError() {
    String huge = "x".repeat(OrcaTools.MAX_CODE_CHARS + 10);
    assertThat(run(huge + "\n1\n")).isEqualTo(1);
    assertThat(err()).contains("longer than 1000000 characters");
    assertThat(kernel.executed).containsExactly("1");
  }

  @Test
  void validUtf8_isKept() {
    run("\"héllo €\"\n");
    assertThat(kernel.executed).containsExactly("\"héllo €\"");
  }

  private static byte[] concat(String a, byte[] b, String c) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.writeBytes(a.getBytes(StandardCharsets.UTF_8));
    o.writeBytes(b);
    o.writeBytes(c.getBytes(StandardCharsets.UTF_8));
    return o.toByteArray();
  }
}
