package dev.orca.tools.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.ToolSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class LuceneToolIndexTest {

  static List<ToolSpec> tools() {
    return List.of(
        ToolSpec.of(
            "github",
            "create_pull_request",
            "Open a new pull request in a repository",
            null,
            ToolKind.TOOL),
        ToolSpec.of("github", "list_issues", "List issues of a repository", null, ToolKind.TOOL),
        ToolSpec.of(
            "MetaMask MCP", "send-transaction", "Send ETH from the wallet", null, ToolKind.TOOL),
        ToolSpec.of("wallet", "getWalletBalance", "Balance of an address", null, ToolKind.TOOL),
        ToolSpec.of("weather", "forecast", "Weather forecast for a city", null, ToolKind.TOOL));
  }

  private static String top(ToolSearch search, String query) {
    return search.search(query, 3).get(0).spec().id();
  }

  @Test
  void search_splitsCamelSnakeAndKebabCaseNames() {
    LuceneToolIndex index = new LuceneToolIndex();
    index.addAll(tools());
    assertThat(top(index, "wallet balance")).isEqualTo("wallet::getWalletBalance");
    assertThat(top(index, "getWalletBalance")).isEqualTo("wallet::getWalletBalance");
    assertThat(top(index, "send transaction")).isEqualTo("MetaMask MCP::send-transaction");
    assertThat(top(index, "create pull requests")).isEqualTo("github::create_pull_request");
    assertThat(top(index, "create_pull_request")).isEqualTo("github::create_pull_request");
  }

  @Test
  void search_matchesServerNames() {
    LuceneToolIndex index = new LuceneToolIndex();
    index.addAll(tools());
    assertThat(top(index, "metamask")).isEqualTo("MetaMask MCP::send-transaction");
  }

  @Test
  void search_followsRegistryChangesLive() {
    ToolRegistry registry = ToolRegistry.create();
    LuceneToolIndex index = new LuceneToolIndex();
    registry.addListener(index);
    tools().forEach(registry::registerSpec);
    assertThat(top(index, "forecast")).isEqualTo("weather::forecast");
    registry.remove("weather::forecast");
    assertThat(index.search("forecast", 3)).isEmpty();
    assertThat(index.size()).isEqualTo(4);
  }

  @Test
  void search_emptyOrStopWordQueryGivesNothing() {
    LuceneToolIndex index = new LuceneToolIndex();
    index.addAll(tools());
    assertThat(index.search("", 5)).isEmpty();
    assertThat(index.search("the and of", 5)).isEmpty();
  }
}
