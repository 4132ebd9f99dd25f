package dev.orca.skills.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SkillHeaderTest {

  private final SkillHeader header =
      new SkillHeader(
          "parseDates",
          3,
          Instant.parse("2026-01-01T00:00:00Z"),
          Instant.parse("2026-02-01T10:00:00Z"),
          "code_generator (openai:gpt-4o-mini)",
          "sha256:abc");

  @Test
  void render_parse_roundTrips() {
    assertThat(SkillHeader.parse(header.render() + "public final class X {}\n")).isEqualTo(header);
  }

  @Test
  void applyTo_replacesAnExistingHeader() {
    String once = header.applyTo("class A {}\n");
    SkillHeader v4 =
        new SkillHeader("parseDates", 4, header.created(), header.updated(), "human", "");
    String twice = v4.applyTo(once);

    assertThat(twice).startsWith(v4.render()).endsWith("class A {}\n");
    assertThat(twice).doesNotContain("version: 3");
    assertThat(SkillHeader.parse(twice).version()).isEqualTo(4);
  }

  @Test
  void parse_readsTomlAndMarkdownComments() {
    String toml = header.render().replace("// ", "# ") + "name = \"x\"\n";
    assertThat(SkillHeader.parse(toml)).isEqualTo(header);
  }

  @Test
  void parse_withoutHeaderIsNull() {
    assertThat(SkillHeader.parse("// just a comment\nclass A {}")).isNull();
  }
}
