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

  /** Six tools for one need (e-mail), several for another (PDF), and a few bystanders. */
  private static List<ToolSpec> twoNeedCatalog() {
    List<ToolSpec> specs = new ArrayList<>(LuceneToolIndexTest.tools());
    String[] mail = {
      "send_email",
      "send_email_draft",
      "send_bulk_email",
      "forward_email",
      "reply_email",
      "schedule_email"
    };
    for (String name : mail) {
      specs.add(
          ToolSpec.of(
              "mail",
              name,
              "Send an email message with notes to the team or other recipients",
              null,
              ToolKind.TOOL));
    }
    specs.add(
        ToolSpec.of(
            "files", "convert_to_pdf", "Convert a report document to PDF", null, ToolKind.TOOL));
    specs.add(ToolSpec.of("files", "view_pdf", "Show a PDF report page", null, ToolKind.TOOL));
    specs.add(ToolSpec.of("files", "merge_pdf", "Merge PDF reports", null, ToolKind.TOOL));
    specs.add(ToolSpec.of("files", "print_pdf", "Print a PDF report", null, ToolKind.TOOL));
    specs.add(ToolSpec.of("files", "convert_image", "Convert an image", null, ToolKind.TOOL));
    specs.add(ToolSpec.of("units", "convert_units", "Convert units", null, ToolKind.TOOL));
    specs.add(ToolSpec.of("files", "list_reports", "List saved report files", null, ToolKind.TOOL));
    return specs;
  }

  private static HybridToolSearch twoNeedSearch(boolean interleave) {
    HybridToolSearch search =
        new HybridToolSearch(
            new LuceneToolIndex(),
            new EmbeddingToolIndex(new WordHashEmbeddingModel(), "word-hash", null),
            HybridToolSearch.Options.defaults().withInterleave(interleave, 1));
    search.onChange(twoNeedCatalog(), List.of());
    return search;
  }

  private static final String TWO_NEEDS =
      "send an email message with the notes to the whole team today, then make it a pdf";

  private static List<String> ids(List<ToolHit> hits) {
    return hits.stream().map(h -> h.spec().id()).toList();
  }

  @Test
  void search_withoutInterleavingOneNeedFillsTheTop() {
    List<String> top = ids(twoNeedSearch(false).search(TWO_NEEDS, 5));
    assertThat(top).allMatch(id -> id.startsWith("mail::"));
  }

  @Test
  void search_interleavingGivesEachPartOfALongQueryASlotNearTheTop() {
    HybridToolSearch search = twoNeedSearch(true);
    List<String> top = ids(search.search(TWO_NEEDS, 3));
    assertThat(top).anyMatch(id -> id.endsWith("_pdf"));
    assertThat(top.get(0)).startsWith("mail::");
    assertThat(ids(search.search(TWO_NEEDS, 20)))
        .doesNotHaveDuplicates()
        .hasSize(twoNeedCatalog().size());
  }

  @Test
  void search_interleavingLeavesShortQueriesAndExactNamesAlone() {
    HybridToolSearch plain = twoNeedSearch(false);
    HybridToolSearch interleaved = twoNeedSearch(true);
    assertThat(ids(interleaved.search("convert a report to pdf", 5)))
        .isEqualTo(ids(plain.search("convert a report to pdf", 5)));
    assertThat(
            interleaved
                .search("use list_reports, then send an email to the team about it", 3)
                .get(0)
                .spec()
                .id())
        .isEqualTo("files::list_reports");
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
