package dev.orca.kernel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttackCaseTest {

  @Test
  void suite_hasEnoughDistinctCasesInEveryCategory() {
    List<AttackCase> cases = AttackCase.load();
    Set<String> ids = new HashSet<>();
    for (AttackCase c : cases) {
      assertThat(ids.add(c.id())).as("duplicate id %s", c.id()).isTrue();
      assertThat(c.code()).as(c.id()).isNotBlank();
      assertThat(c.blocked() || c.survives() || c.legitimate()).as(c.id()).isTrue();
    }
    assertThat(cases.stream().filter(c -> !c.legitimate()).count()).isGreaterThanOrEqualTo(80);
    assertThat(cases.stream().filter(AttackCase::legitimate).count()).isGreaterThanOrEqualTo(15);
    assertThat(cases.stream().map(AttackCase::category).distinct())
        .contains("filesystem", "network", "process", "escape", "resources", "legitimate");
  }
}
