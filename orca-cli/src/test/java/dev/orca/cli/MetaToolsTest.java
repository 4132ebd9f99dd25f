package dev.orca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetaToolsTest {

  @Test
  void all_listsEveryMetaToolOfTheDesign() {
    assertThat(MetaTools.all())
        .extracting(MetaTool::name)
        .containsExactly(
            "execute_code",
            "search_tools",
            "list_variables",
            "inspect_variable",
            "call_subagent",
            "generate_function",
            "generate_subagent",
            "generate_tests",
            "review_generated_code",
            "save_session_state",
            "load_session_state",
            "analyze_history");
  }

  @Test
  void search_exactNameRanksFirstWithFullScore() {
    List<MetaTools.Match> hits = MetaTools.search("inspect_variable", 3);
    assertThat(hits.get(0).tool().name()).isEqualTo("inspect_variable");
    assertThat(hits.get(0).score()).isEqualTo(1.0);
    assertThat(MetaTools.search("inspectVariable", 1).get(0).tool().name())
        .isEqualTo("inspect_variable");
  }

  @Test
  void search_keywordsFindTheRightTool() {
    assertThat(MetaTools.search("run java code", 1).get(0).tool().name()).isEqualTo("execute_code");
    assertThat(MetaTools.search("save my session", 2))
        .extracting(m -> m.tool().name())
        .contains("save_session_state");
    assertThat(MetaTools.search("zzzz qqqq", 5)).isEmpty();
  }

  @Test
  void search_respectsLimitAndShape() {
    List<MetaTools.Match> hits = MetaTools.search("variable", 2);
    assertThat(hits).hasSize(2);
    assertThat(hits.get(0).toMap())
        .containsOnlyKeys("name", "kind", "signature", "description", "score")
        .containsEntry("kind", "meta");
  }
}
