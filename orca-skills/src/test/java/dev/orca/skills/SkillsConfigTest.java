package dev.orca.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillsConfigTest {

  @TempDir Path tmp;

  @Test
  void load_readsTheSkillsTable() throws Exception {
    Path f = tmp.resolve("config.toml");
    Files.writeString(f, "[skills]\napproval = \"ask\"\nmax_rounds = 5\nmin_coverage = 0.9\n");

    SkillsConfig c = SkillsConfig.load(f);

    assertThat(c.approval()).isEqualTo(ApprovalPolicy.ASK);
    assertThat(c.maxRounds()).isEqualTo(5);
    assertThat(c.minCoverage()).isEqualTo(0.9);
    assertThat(c.testHeapMiB()).isEqualTo(512);
  }

  @Test
  void load_missingFileGivesDefaults() {
    assertThat(SkillsConfig.load(tmp.resolve("none.toml"))).isEqualTo(SkillsConfig.defaults());
  }

  @Test
  void load_badApprovalSaysWhatIsAllowed() throws Exception {
    Path f = tmp.resolve("config.toml");
    Files.writeString(f, "[skills]\napproval = \"sometimes\"\n");

    assertThatThrownBy(() -> SkillsConfig.load(f))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("\"auto\", \"ask\" or \"never\"");
  }
}
