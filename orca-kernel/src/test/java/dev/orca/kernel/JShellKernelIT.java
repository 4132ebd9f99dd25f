package dev.orca.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.core.OrcaException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel against a real child JVM: cells, errors, stops, deaths, bounds. */
class JShellKernelIT {
  @TempDir static Path home;
  static JShellKernel kernel;

  @BeforeAll
  static void start() {
    kernel =
        JShellKernel.start(
            KernelOptions.defaults(home.resolve("workspace")).withSandbox(SandboxMode.OFF));
  }

  @AfterAll
  static void stop() {
    kernel.close();
  }

  private static ExecutionResult.Success ok(String code) {
    ExecutionResult result = kernel.execute(code);
    assertThat(result).as(code + " -> " + result).isInstanceOf(ExecutionResult.Success.class);
    return (ExecutionResult.Success) result;
  }

  @Test
  void execute_keepsStateAcrossCells() {
    ok("int counter = 41;");
    ExecutionResult.Success result = ok("counter + 1");
    assertThat(result.value()).isEqualTo("42");
    assertThat(result.valueType()).isEqualTo("int");
  }

  @Test
  void execute_runsMultiStatementCellsWithDeclarations() {
    ExecutionResult.Success result =
        ok(
            "record Point(int x, int y) {}\n"
                + "int dist(Point p) { return Math.abs(p.x()) + Math.abs(p.y()); }\n"
                + "var pts = List.of(new Point(1, 2), new Point(-3, 4));\n"
                + "System.out.println(\"n=\" + pts.size());\n"
                + "pts.stream().mapToInt(p -> dist(p)).sum()");
    assertThat(result.value()).isEqualTo("10");
    assertThat(result.output().stdout()).isEqualTo("n=2\n");
  }

  @Test
  void execute_reportsCompileErrorsInCellCoordinates() {
    ExecutionResult result =
        kernel.execute("int a = 1;\nint b = 2;\nString s = undefinedThing + 1;\nint c = 3;");
    assertThat(result).isInstanceOf(ExecutionResult.CompileError.class);
    ExecutionResult.CompileError error = (ExecutionResult.CompileError) result;
    assertThat(error.snippetIndex()).isEqualTo(2);
    assertThat(error.diagnostics().get(0).line()).isEqualTo(3);
    assertThat(error.diagnostics().get(0).column()).isEqualTo(12);
    assertThat(error.message()).contains("undefinedThing");
    assertThat(kernel.variables()).extracting(VariableInfo::name).doesNotContain("c");
  }

  @Test
  void execute_reportsUserExceptionsWithTheirLine() {
    ExecutionResult result =
        kernel.execute(
            "int x = 1;\nint[] arr = new int[2];\nSystem.out.println(\"before\");\narr[5] = x;");
    assertThat(result).isInstanceOf(ExecutionResult.UserException.class);
    ExecutionResult.UserException ex = (ExecutionResult.UserException) result;
    assertThat(ex.exceptionType()).isEqualTo("java.lang.ArrayIndexOutOfBoundsException");
    assertThat(ex.snippetIndex()).isEqualTo(3);
    assertThat(ex.line()).isEqualTo(4);
    assertThat(ex.output().stdout()).isEqualTo("before\n");
  }

  @Test
  void execute_stopsABusyLoopAtItsTimeoutAndKeepsState() {
    ok("String kept = \"still here\";");
    ExecutionResult result = kernel.execute("while (true) { }", Duration.ofSeconds(2));
    assertThat(result).isInstanceOf(ExecutionResult.Stopped.class);
    assertThat(((ExecutionResult.Stopped) result).reason()).contains("timed out");
    assertThat(ok("kept").value()).isEqualTo("\"still here\"");
  }

  @Test
  void execute_boundsOutputAndValues() {
    ExecutionResult.Success result =
        ok(
            "for (int i = 0; i < 200_000; i++) System.out.println(\"line \" + i);\n\"x\".repeat(100_000)");
    assertThat(result.output().stdout().length())
        .isLessThanOrEqualTo(KernelOptions.DEFAULT_OUTPUT_CAP);
    assertThat(result.output().stdoutTruncated()).isTrue();
    assertThat(result.value().length()).isLessThanOrEqualTo(KernelOptions.DEFAULT_OUTPUT_CAP);
    assertThat(result.valueTruncated()).isTrue();
  }

  @Test
  void inspect_isBoundedForHugeValues() {
    ok("var big = IntStream.range(0, 1_000_000).boxed().collect(Collectors.toList());");
    ok(
        "Table table = Table.create(\"t\", IntColumn.create(\"id\", IntStream.range(0, 1_000_000).toArray()),"
            + " DoubleColumn.create(\"v\", IntStream.range(0, 1_000_000).mapToDouble(i -> i * 0.5).toArray()));");
    Inspection list = kernel.inspect("big");
    assertThat(list.summary()).contains("size: 1000000").hasSizeLessThan(4_000);
    Inspection table = kernel.inspect("table");
    assertThat(table.summary())
        .contains("1000000 rows x 2 columns", "id (INTEGER)")
        .hasSizeLessThan(4_000);
    assertThat(kernel.variables())
        .filteredOn(v -> v.name().equals("big"))
        .singleElement()
        .satisfies(v -> assertThat(v.summary()).hasSizeLessThanOrEqualTo(160));
  }

  @Test
  void inspect_unknownVariableIsAClearError() {
    assertThatThrownBy(() -> kernel.inspect("doesNotExist"))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("no variable named 'doesNotExist'");
  }

  @Test
  void execute_rejectsEmptyAndHugeCells() {
    assertThatThrownBy(() -> kernel.execute("   ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> kernel.execute("int x = 1;" + " ".repeat(5_000_000)))
        .hasMessageContaining("limit");
  }

  @Test
  void completion_andCompletenessComeFromJShell() {
    assertThat(kernel.isComplete("int x = 1;")).isTrue();
    assertThat(kernel.isComplete("void f() {")).isFalse();
    assertThat(kernel.complete("String.valueO", 13)).anyMatch(s -> s.startsWith("valueOf"));
  }
}
