package dev.orca.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.kernel.Diagnostic;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Output;
import dev.orca.kernel.RestoreReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionMapperTest {

  private static final Output OUT = new Output("hello\n", "warn\n", false, false);

  @Test
  void success_mapsValueTypeAndOutput() {
    ToolAnswer a =
        ExecutionMapper.map(
            new ExecutionResult.Success("42", "int", false, OUT, Duration.ofMillis(12)));
    assertThat(a.error()).isFalse();
    assertThat(a.structured())
        .containsExactly(
            Map.entry("stdout", "hello\n"),
            Map.entry("stderr", "warn\n"),
            Map.entry("value", "42"),
            Map.entry("value_type", "int"),
            entry("error", null),
            Map.entry("duration_ms", 12L),
            Map.entry("truncated", false));
    assertThat(a.text()).contains("hello").contains("==> 42").contains("int");
  }

  @Test
  void success_withoutValueKeepsNullFields() {
    ToolAnswer a =
        ExecutionMapper.map(
            new ExecutionResult.Success(null, null, false, Output.EMPTY, Duration.ZERO));
    assertThat(a.structured()).containsEntry("value", null).containsEntry("value_type", null);
    assertThat(a.text()).isEqualTo("(no output)");
  }

  @Test
  void truncation_isReportedFromValueOrStreams() {
    assertThat(
            ExecutionMapper.map(
                    new ExecutionResult.Success("x", "String", true, Output.EMPTY, Duration.ZERO))
                .structured())
        .containsEntry("truncated", true);
    ToolAnswer a =
        ExecutionMapper.map(
            new ExecutionResult.Success(
                null, null, false, new Output("a", "", true, false), Duration.ZERO));
    assertThat(a.structured()).containsEntry("truncated", true);
    assertThat(a.text()).contains("truncated").contains("inspect_variable");
  }

  @Test
  void compileError_givesTypeMessageAndLine() {
    ToolAnswer a =
        ExecutionMapper.map(
            new ExecutionResult.CompileError(
                1,
                List.of(
                    new Diagnostic(2, 5, "cannot find symbol", "compiler.err.cant.resolve"),
                    new Diagnostic(3, 1, "';' expected", "")),
                OUT,
                Duration.ofMillis(5)));
    assertThat(a.error()).isTrue();
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) a.structured().get("error");
    assertThat(error).containsEntry("type", "compile_error").containsEntry("line", 2);
    assertThat((String) error.get("message"))
        .contains("cannot find symbol")
        .contains("column 5")
        .contains("line 3");
    assertThat(a.structured()).containsEntry("stdout", "hello\n").containsEntry("value", null);
    assertThat(a.text()).contains("snippet 2").contains("Fix the code");
  }

  @Test
  void userException_givesExceptionTypeAndLine() {
    ToolAnswer a =
        ExecutionMapper.map(
            new ExecutionResult.UserException(
                0,
                "java.lang.ArithmeticException",
                "/ by zero",
                3,
                List.of("div(#1:2)"),
                Output.EMPTY,
                Duration.ZERO));
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) a.structured().get("error");
    assertThat(error)
        .containsEntry("type", "java.lang.ArithmeticException")
        .containsEntry("message", "/ by zero")
        .containsEntry("line", 3);
    assertThat(a.error()).isTrue();
    assertThat(a.text()).contains("ArithmeticException: / by zero at line 3").contains("div(#1:2)");
  }

  @Test
  void userException_unknownLineIsNull() {
    ToolAnswer a =
        ExecutionMapper.map(
            new ExecutionResult.UserException(
                0, "java.lang.RuntimeException", null, 0, List.of(), Output.EMPTY, Duration.ZERO));
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) a.structured().get("error");
    assertThat(error).containsEntry("line", null).containsEntry("message", "");
  }

  @Test
  void stopped_saysStateWasKeptAndHowToFix() {
    ToolAnswer a =
        ExecutionMapper.map(
            new ExecutionResult.Stopped(
                0, "timed out after 2 s", new Output("partial", "", false, false), Duration.ZERO));
    assertThat(a.error()).isTrue();
    assertThat(a.structured()).containsEntry("stdout", "partial");
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) a.structured().get("error");
    assertThat(error).containsEntry("type", "stopped");
    assertThat((String) error.get("message")).contains("timed out after 2 s").contains("kept");
  }

  @Test
  void died_reportsWhatWasLost() {
    RestoreReport report =
        new RestoreReport(
            List.of("f"), List.of("x"), List.of(new RestoreReport.LostVariable("t", "a Thread")));
    ToolAnswer a =
        ExecutionMapper.map(
            new ExecutionResult.Died("out of memory", report, Output.EMPTY, Duration.ZERO));
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) a.structured().get("error");
    assertThat(error).containsEntry("type", "kernel_died");
    assertThat((String) error.get("message"))
        .contains("out of memory")
        .contains("t (a Thread)")
        .contains("Recompute");
  }

  private static Map.Entry<String, Object> entry(String k, Object v) {
    return new java.util.AbstractMap.SimpleEntry<>(k, v);
  }
}
