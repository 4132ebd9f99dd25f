package dev.orca.tools.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.testing.WordHashEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridToolSearchTest {

  private static HybridToolSearch search(ToolRegistry registry) {
    EmbeddingToolIndex embeddings =
        new EmbeddingToolIndex(new WordHashEmbeddingModel(), "word-hash", null);
    return HybridToolSearch.over(registry, embeddings);
  }

  private static ToolRegistry catalog() {
    ToolRegistry registry = ToolRegistry.create();
    List<ToolSpec> specs = new ArrayList<>(LuceneToolIndexTest.tools());
    // Many tools whose descriptions talk about the search, and one short-named "search" tool.
    for (int i = 0; i < 20; i++) {
      specs.add(
          ToolSpec.of(
              "s" + i,
              "find_things_" + i,
              "search search search the web search engine",
              null,
              ToolKind.TOOL));
    }
    specs.add(
        ToolSpec.of("docs", "search", "Looks things up in documentation", null, ToolKind.TOOL));
    specs.forEach(registry::registerSpec);
    return registry;
  }

  @Test
  void search_exactShortNameAlwaysRanksFirst() {
    HybridToolSearch search = search(catalog());
    List<ToolHit> hits = search.search("search", 5);
    assertThat(hits.get(0).spec().id()).isEqualTo("docs::search");
    assertThat(hits.get(0).score()).isEqualTo(1.0);
  }

  @Test
  void search_exactNameMatchesIgnoringCaseAndSeparators() {
    HybridToolSearch search = search(catalog());
    assertThat(search.search("createPullRequest", 3).get(0).spec().id())
        .isEqualTo("github::create_pull_request");
    assertThat(search.search("github::create_pull_request", 3).get(0).spec().id())
        .isEqualTo("github::create_pull_request");
    assertThat(search.search("github_create_pull_request", 3).get(0).spec().id())
        .isEqualTo("github::create_pull_request");
  }

  @Test
  void search_toolNamedInsideTheQueryRanksFirst() {
    HybridToolSearch search = search(catalog());
    assertThat(
            search.search("please use getWalletBalance then search the web", 3).get(0).spec().id())
        .isEqualTo("wallet::getWalletBalance");
  }

  @Test
  void search_fusesAndBoundsResults() {
    HybridToolSearch search = search(catalog());
    List<ToolHit> hits = search.search("weather forecast for a city", 4);
    assertThat(hits).hasSize(4);
    assertThat(hits.get(0).spec().id()).isEqualTo("weather::forecast");
    assertThat(hits).allMatch(h -> h.score() >= 0 && h.score() <= 1);
  }

  @Test
  void search_seesToolsAddedAndRemovedWhileRunning() {
    ToolRegistry registry = catalog();
    HybridToolSearch search = search(registry);
    registry.registerSpec(
        ToolSpec.of("jira", "create_issue", "Create a Jira issue", null, ToolKind.TOOL));
    assertThat(search.search("create_issue", 1).get(0).spec().id()).isEqualTo("jira::create_issue");
    registry.remove("jira::create_issue");
    assertThat(search.search("create_issue", 3))
        .noneMatch(h -> h.spec().id().equals("jira::create_issue"));
  }
}
