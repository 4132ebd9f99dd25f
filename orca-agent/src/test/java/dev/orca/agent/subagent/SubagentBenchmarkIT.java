package dev.orca.agent.subagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.agent.subagent.bench.SubagentBenchmark;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The benchmark's code path at a tiny size: it runs, and its figures are consistent. */
class SubagentBenchmarkIT {

  @Test
  void run_tinyWorkload_reportsConsistentFigures() throws Exception {
    SubagentBenchmark.Report report =
        SubagentBenchmark.run(new SubagentBenchmark.Options(Duration.ofMillis(5), 3, 6, 2, 500));

    assertThat(report.inputTokens()).isBetween(500, 560);
    assertThat(report.requestTokens()).isGreaterThan(report.inputTokens());
    assertThat(report.contextTokens())
        .isEqualTo(
            report.requestTokens()
                + SubagentRegistry.withBuiltIns().get("summarizer").maxOutputTokens());
    assertThat(report.requestBytes()).isGreaterThan(report.inputTokens());
    assertThat(report.orcaOverheadMs()).hasSize(3);
    assertThat(report.render()).contains("fan-out of 6 items").contains("goal < 10,000");
  }
}
