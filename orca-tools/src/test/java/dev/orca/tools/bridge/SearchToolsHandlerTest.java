package dev.orca.tools.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.search.EmbeddingToolIndex;
import dev.orca.tools.search.HybridToolSearch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SearchToolsHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void handle_returnsBoundedResultsWithSignaturesThroughTheRouter() throws Exception {
    ToolRegistry registry = ToolRegistry.create();
    registry.registerSpec(
        ToolSpec.of(
            "notion",
            "create_page",
            "Create a page. " + "Lots of detail. ".repeat(100),
            null,
            ToolKind.TOOL));
    AtomicInteger started = new AtomicInteger();
    try (BridgeRouter router = new BridgeRouter()) {
      ToolBridge.install(
          router,
          registry,
          HybridToolSearch.over(registry, null),
          started::incrementAndGet,
          CallToolHandler.DEFAULT_MAX_RESULT_BYTES);
      JsonNode out =
          router.call("searchTools", JSON.readTree("{\"query\":\"create page\",\"limit\":3}"));
      JsonNode first = out.path("results").get(0);
      assertThat(first.path("id").asText()).isEqualTo("notion::create_page");
      assertThat(first.path("kind").asText()).isEqualTo("tool");
      assertThat(first.path("signature").asText()).isEqualTo("Object notion_create_page()");
      assertThat(first.path("description").asText())
          .hasSizeLessThan(SearchToolsHandler.MAX_DESCRIPTION + 100)
          .endsWith(
              "(full description: callTool(\"describe_tool\", Map.of(\"id\", \"notion::create_page\")))");
      assertThat(started.get()).isEqualTo(1);

      JsonNode full =
          router.call(
              "callTool",
              JSON.readTree(
                  "{\"name\":\"describe_tool\",\"args\":{\"id\":\"notion::create_page\"}}"));
      assertThat(full.path("description").asText()).hasSizeGreaterThan(1000);
    }
  }

  @Test
  void handle_saysSoWhenNoToolMatchesWell() throws Exception {
    ToolRegistry registry = ToolRegistry.create();
    registry.registerSpec(
        ToolSpec.of(
            "weather",
            "get_forecast",
            "Get the weather forecast (temperature, rain, wind) for a city and a day.",
            null,
            ToolKind.TOOL));
    registry.registerSpec(
        ToolSpec.of("files", "write_file", "Write text to a file at a path.", null, ToolKind.TOOL));
    HybridToolSearch search =
        HybridToolSearch.over(registry, EmbeddingToolIndex.withDefaultModel(null));
    assertThat(search.matchThreshold()).isEqualTo(EmbeddingToolIndex.BGE_SMALL_MATCH_THRESHOLD);
    SearchToolsHandler handler = new SearchToolsHandler(search, null);

    JsonNode found =
        handler.handle(JSON.readTree("{\"query\":\"weather forecast for Paris tomorrow\"}"));
    assertThat(found.path("results").get(0).path("id").asText()).isEqualTo("weather::get_forecast");
    assertThat(found.has("note")).as("a good match carries no note: %s", found).isFalse();

    JsonNode none =
        handler.handle(
            JSON.readTree("{\"query\":\"book a table for two at an Italian restaurant\"}"));
    assertThat(none.path("results")).isNotEmpty();
    assertThat(none.path("note").asText()).startsWith("No close match: the best score is 0.");
  }

  @Test
  void results_noteOnlyWhenBelowAKnownThreshold() {
    assertThat(SearchToolsHandler.results(java.util.List.of(), Double.NaN).has("note")).isFalse();
    assertThat(SearchToolsHandler.results(java.util.List.of(), 0.5).path("note").asText())
        .contains("probably not installed");
  }

  @Test
  void handle_badQueryOrLimitIsRejected() {
    SearchToolsHandler handler = new SearchToolsHandler((q, l) -> java.util.List.of(), null);
    assertThatThrownBy(() -> handler.handle(JSON.readTree("{\"query\":\" \"}")))
        .hasMessageContaining("needs a query");
    assertThatThrownBy(() -> handler.handle(JSON.readTree("{\"query\":\"x\",\"limit\":500}")))
        .hasMessageContaining("limit must be between 1 and 50");
  }
}
