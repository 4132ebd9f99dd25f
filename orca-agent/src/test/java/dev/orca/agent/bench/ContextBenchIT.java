package dev.orca.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context benchmark end to end with a real kernel and a small generated catalog. */
class ContextBenchIT {

  @TempDir Path dir;

  @Test
  void run_orcaUsesFarFewerInputTokensAndAgreesWithTheBaseline() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      ObjectNode t = json.createObjectNode();
      t.put("id", "server" + (i % 6) + "::tool_" + i);
      t.put("name", "tool_" + i);
      t.put(
          "description", "Does thing number " + i + " with the given input and returns a result.");
      ObjectNode schema = t.putObject("input_schema").put("type", "object");
      schema.putObject("properties").putObject("input").put("type", "string");
      lines.add(t.toString());
    }
    Path catalog = Files.write(dir.resolve("catalog.jsonl"), lines);
    Path workspace = Files.createDirectories(dir.resolve("workspace"));

    ContextBenchReport report;
    try (Kernel kernel = JShellKernel.start(KernelOptions.defaults(workspace))) {
      report = ContextBench.run(kernel, workspace, new ContextBench.Options(catalog, 100, 2, 10));
    }

    assertThat(report.answersAgree()).as(report.markdown()).isTrue();
    assertThat(report.corpusBytes()).isBetween(250_000L, 350_000L);
    assertThat(report.orca().requests()).isEqualTo(5);
    assertThat(report.baselineFull().requests()).isEqualTo(12);
    assertThat(report.inputReductionVsTaskTools()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.inputReduction()).isGreaterThan(report.inputReductionVsTaskTools());
    assertThat(report.orca().largestRequest()).isLessThan(10_000);
    assertThat(report.markdown()).contains("| Orca (code mode, 2 tools) | 5 |");
  }
}
