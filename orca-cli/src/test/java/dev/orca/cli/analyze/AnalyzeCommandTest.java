package dev.orca.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.cli.OrcaMain;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.ExecutionRecord;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
  @TempDir Path home;

  @Test
  void analyze_printsRepeatedWorkAsJson() throws Exception {
    try (HistoryStore h = HistoryStore.open(new OrcaHome(home).create())) {
      for (int i = 0; i < 3; i++) {
        h.recordExecution(
            ExecutionRecord.of(
                "s" + i,
                "var rows"
                    + i
                    + " = Files.readAllLines(Path.of(\"f"
                    + i
                    + ".csv\"));\n"
                    + "long n = rows"
                    + i
                    + ".stream().filter(l -> l.contains(\"x\")).count();\nn",
                5,
                Outcome.OK,
                200));
      }
    }
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = OrcaMain.commandLine().execute("analyze", "--json", "--home", home.toString());
    } finally {
      System.setOut(old);
    }
    assertThat(code).isZero();
    JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(report.path("patterns")).hasSize(1);
    assertThat(report.path("patterns").get(0).path("count").asInt()).isEqualTo(3);
    assertThat(report.path("executionsScanned").asInt()).isEqualTo(3);
  }
}
