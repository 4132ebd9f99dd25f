package dev.orca.skills.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.skills.ReviewIssue;
import dev.orca.skills.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewParserTest {

  @Test
  void parse_readsIssuesInsideProse() {
    List<ReviewIssue> issues =
        ReviewParser.parse(
            "Here you go:\n```json\n{\"issues\":[{\"severity\":\"Critical\",\"line\":7,"
                + "\"message\":\"opens a socket\",\"suggestion\":\"use a tool\"},"
                + "{\"severity\":\"warning\",\"line\":2,\"message\":\"naming\"}]}\n```");

    assertThat(issues).hasSize(2);
    assertThat(issues.get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(issues.get(0).line()).isEqualTo(7);
    assertThat(issues.get(0).suggestion()).isEqualTo("use a tool");
    assertThat(issues.get(1).severity()).isEqualTo(Severity.MINOR);
  }

  @Test
  void parse_unreadableAnswerIsAMinorFinding() {
    assertThat(ReviewParser.parse("looks fine to me"))
        .singleElement()
        .satisfies(i -> assertThat(i.severity()).isEqualTo(Severity.MINOR));
  }
}
