package dev.orca.skills.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.kernel.sandbox.OsSandbox;
import dev.orca.kernelagent.policy.ClassGuard;
import dev.orca.skills.ReviewIssue;
import dev.orca.skills.Severity;
import dev.orca.skills.TestReport;
import dev.orca.skills.store.SkillName;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionGateIT {

  @TempDir Path dir;

  private final FunctionGate gate =
      new FunctionGate(
          ClassGuard.PERMIT_ALL, new TestRunner(OsSandbox.NONE, 256, Duration.ofSeconds(60)));

  @Test
  void evaluate_goodFunctionPassesWithFullCoverage() {
    GateResult r = gate.evaluate(new SkillName("clamp"), Samples.ADD, Samples.ADD_TEST, dir);

    assertThat(r.allIssues()).filteredOn(i -> i.severity().blocks()).isEmpty();
    TestReport t = r.tests().orElseThrow();
    assertThat(t.error()).isEmpty();
    assertThat(t.passed()).isEqualTo(3);
    assertThat(t.failed()).isZero();
    assertThat(t.lineCoverage()).isEqualTo(1.0);
    assertThat(t.branchesTotal()).isEqualTo(4);
    assertThat(t.branchCoverage()).isEqualTo(1.0);
    assertThat(r.passed(0.8)).isTrue();
    assertThat(r.signature()).isEqualTo("int clamp(int value, int low, int high)");
  }

  @Test
  void evaluate_partialTestsReportLowCoverage() {
    String oneTest =
        Samples.ADD_TEST
            .replaceAll("(?s)@Test\\s+void above.*?}\\s*\\n", "")
            .replaceAll("(?s)@Test\\s+void inside.*?}\\s*\\n", "");
    GateResult r = gate.evaluate(new SkillName("clamp"), Samples.ADD, oneTest, dir);

    TestReport t = r.tests().orElseThrow();
    assertThat(t.passed()).isEqualTo(1);
    assertThat(t.lineCoverage()).isLessThan(0.8);
    assertThat(r.passed(0.8)).isFalse();
  }

  @Test
  void evaluate_compileErrorHasItsLine() {
    String broken = Samples.ADD.replace("return value;", "return valu;");
    GateResult r = gate.evaluate(new SkillName("clamp"), broken, Samples.ADD_TEST, dir);

    assertThat(r.compiled()).isFalse();
    ReviewIssue e = r.functionIssues().get(0);
    assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(e.message()).contains("valu");
    assertThat(e.line()).isEqualTo(20);
  }

  @Test
  void evaluate_socketIsASandboxEscape() {
    String escape =
        Samples.ADD.replace(
            "return value;",
            "try (java.net.Socket s = new java.net.Socket(\"example.com\", 80)) {\n"
                + "  return value;\n} catch (java.io.IOException e) {\n  return low;\n}");
    GateResult r = gate.evaluate(new SkillName("clamp"), escape, null, dir);

    assertThat(r.compiled()).isTrue();
    assertThat(r.functionIssues())
        .anySatisfy(
            i -> {
              assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(i.message()).contains("Sandbox escape");
            });
    assertThat(r.functionBlocked()).isTrue();
  }
}
