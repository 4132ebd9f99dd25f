package dev.orca.skills.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.core.OrcaHome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillStoreTest {

  @TempDir Path tmp;

  private static VersionRecord version(int v, VersionStatus s) {
    return new VersionRecord(
        v,
        s,
        "2026-01-01T00:00:00Z",
        "human",
        "",
        "d",
        "int f()",
        "sha256:x",
        "",
        1,
        true,
        List.of(),
        List.of(),
        1,
        0,
        1.0,
        1.0,
        "",
        10);
  }

  @Test
  void save_state_roundTripsAndDeployMovesTheMark() {
    SkillStore store = new SkillStore(new OrcaHome(tmp));
    SkillState s =
        new SkillState("clamp", SkillKind.FUNCTION, List.of())
            .with(version(1, VersionStatus.PENDING))
            .deploy(1, "gate")
            .with(version(2, VersionStatus.PENDING))
            .deploy(2, "person");
    store.save(s);

    SkillState read = store.state(SkillKind.FUNCTION, "clamp").orElseThrow();
    assertThat(read).isEqualTo(s);
    assertThat(read.deployed().orElseThrow().version()).isEqualTo(2);
    assertThat(read.version(1).orElseThrow().status()).isEqualTo(VersionStatus.SUPERSEDED);
    assertThat(read.nextVersion()).isEqualTo(3);
    assertThat(store.functionNames()).containsExactly(new SkillName("clamp"));
  }

  @Test
  void sha256_isStableAndPrefixed() {
    assertThat(SkillStore.sha256("abc"))
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
