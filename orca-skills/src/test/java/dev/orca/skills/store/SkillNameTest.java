package dev.orca.skills.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.core.OrcaException;
import org.junit.jupiter.api.Test;

class SkillNameTest {

  @Test
  void of_acceptsMethodClassAndFileNames() {
    assertThat(SkillName.of("parseDates").className()).isEqualTo("ParseDates");
    assertThat(SkillName.of("ParseDates").method()).isEqualTo("parseDates");
    assertThat(SkillName.of("ParseDates.java").testClassName()).isEqualTo("ParseDatesTest");
  }

  @Test
  void new_rejectsNonIdentifiersWithAClearMessage() {
    assertThatThrownBy(() -> new SkillName("parse-dates"))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("lower camel case");
  }
}
