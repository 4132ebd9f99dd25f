package dev.orca.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.core.ConfigurationException;
import dev.orca.kernel.SandboxMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrcaConfigTest {

  @TempDir Path dir;

  @Test
  void load_missingFileGivesDefaults() {
    assertThat(OrcaConfig.load(dir.resolve("config.toml"))).isEqualTo(OrcaConfig.DEFAULTS);
    assertThat(OrcaConfig.DEFAULTS.heapMiB()).isEqualTo(512);
    assertThat(OrcaConfig.DEFAULTS.timeoutSeconds()).isEqualTo(30);
    assertThat(OrcaConfig.DEFAULTS.sandbox()).isEqualTo(SandboxMode.AUTO);
    assertThat(OrcaConfig.DEFAULTS.spareKernel()).isTrue();
  }

  @Test
  void parse_readsKernelAndModelTables() {
    OrcaConfig c =
        OrcaConfig.parse(
            """
            [kernel]
            heap_mib = 1024
            timeout_seconds = 45
            sandbox = "Strict"
            spare = false

            [model]
            provider = "anthropic"
            name = "claude"
            max_tokens = 4000
            """,
            "test");
    assertThat(c.heapMiB()).isEqualTo(1024);
    assertThat(c.timeoutSeconds()).isEqualTo(45);
    assertThat(c.sandbox()).isEqualTo(SandboxMode.STRICT);
    assertThat(c.spareKernel()).isFalse();
    assertThat(c.withHeapMiB(256).spareKernel()).isFalse();
    assertThat(c.model())
        .containsExactly(
            java.util.Map.entry("provider", "anthropic"),
            java.util.Map.entry("name", "claude"),
            java.util.Map.entry("max_tokens", "4000"));
  }

  @Test
  void parse_invalidTomlNamesTheLine() {
    assertThatThrownBy(() -> OrcaConfig.parse("[kernel]\nheap_mib = = 3\n", "cfg.toml"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("cfg.toml")
        .hasMessageContaining("line 2");
  }

  @Test
  void parse_badValuesSayWhatIsAllowed() {
    assertThatThrownBy(() -> OrcaConfig.parse("[kernel]\nsandbox = \"maybe\"\n", "c"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("auto, strict or off");
    assertThatThrownBy(() -> OrcaConfig.parse("[kernel]\ntimeout_seconds = 61\n", "c"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("between 1 and 60");
    assertThatThrownBy(() -> OrcaConfig.parse("[kernel]\nheap_mib = \"big\"\n", "c"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> OrcaConfig.parse("[kernel]\nheap_mib = 10\n", "c"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("at least 64");
    assertThatThrownBy(() -> OrcaConfig.parse("[kernel]\nspare = \"yes\"\n", "c"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("spare must be true or false");
  }

  @Test
  void load_readsTheFile() throws Exception {
    Files.writeString(dir.resolve("config.toml"), "[kernel]\nheap_mib = 256\n");
    assertThat(OrcaConfig.load(dir.resolve("config.toml")).heapMiB()).isEqualTo(256);
  }
}
