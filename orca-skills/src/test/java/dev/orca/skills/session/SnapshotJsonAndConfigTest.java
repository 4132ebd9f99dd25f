package dev.orca.skills.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.core.OrcaException;
import dev.orca.kernel.KernelSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotJsonAndConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void snapshotJson_roundTrips() {
    KernelSnapshot s =
        new KernelSnapshot(
            List.of(new KernelSnapshot.Definition("import", "x.Y", "import x.Y;")),
            List.of(
                new KernelSnapshot.VariableValue("a", "int[]", "[1,2]", null),
                new KernelSnapshot.VariableValue("t", "Thread", null, "not data")),
            Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(s))).isEqualTo(s);
  }

  @Test
  void snapshotJson_acceptsEmbeddedValuesAndRejectsGarbage() throws Exception {
    JsonNode node =
        JSON.readTree(
            "{\"definitions\":[],\"variables\":[{\"name\":\"m\",\"type\":\"Map<String,Integer>\","
                + "\"json\":{\"a\":1}},{\"name\":\"z\",\"type\":\"Object\"}]}");
    KernelSnapshot s = SnapshotJson.fromJson(node);
    assertThat(s.variables().get(0).json()).isEqualTo("{\"a\":1}");
    assertThat(s.variables().get(1).notRestorableReason()).isEqualTo("no value was captured");
    assertThatThrownBy(() -> SnapshotJson.fromJson(JSON.readTree("[1]")))
        .isInstanceOf(OrcaException.class);
    assertThatThrownBy(
            () -> SnapshotJson.fromJson(JSON.readTree("{\"variables\":[{\"type\":\"int\"}]}")))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("'name'");
  }

  @Test
  void sessionsConfig_readsDefaultsValuesAndErrors() throws Exception {
    Path file = dir.resolve("config.toml");
    assertThat(SessionsConfig.read(file)).isEqualTo(SessionsConfig.DEFAULT);
    Files.writeString(file, "[sessions]\nkeep = 3\ncheckpoint = false\n");
    assertThat(SessionsConfig.read(file)).isEqualTo(new SessionsConfig(3, false));
    Files.writeString(file, "[sessions]\nkeep = 0\n");
    assertThatThrownBy(() -> SessionsConfig.read(file)).hasMessageContaining("at least 1");
    Files.writeString(file, "[sessions]\nkeep = \"many\"\n");
    assertThatThrownBy(() -> SessionsConfig.read(file)).hasMessageContaining("wrong type");
  }
}
