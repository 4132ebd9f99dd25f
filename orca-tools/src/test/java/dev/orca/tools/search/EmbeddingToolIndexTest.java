package dev.orca.tools.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.orca.core.OrcaException;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.testing.WordHashEmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingToolIndexTest {

  @TempDir Path cache;

  @Test
  void addAll_embedsEachToolOnceAcrossRestartsThroughTheDiskCache() {
    List<ToolSpec> tools = LuceneToolIndexTest.tools();
    WordHashEmbeddingModel first = new WordHashEmbeddingModel();
    EmbeddingToolIndex index = new EmbeddingToolIndex(first, "m1", cache);
    assertThat(index.addAll(tools)).isEqualTo(tools.size());
    assertThat(index.addAll(tools)).isZero();
    assertThat(first.embedded.get()).isEqualTo(tools.size());

    WordHashEmbeddingModel second = new WordHashEmbeddingModel();
    EmbeddingToolIndex reopened = new EmbeddingToolIndex(second, "m1", cache);
    assertThat(reopened.addAll(tools)).isZero();
    assertThat(second.embedded.get()).isZero();
    assertThat(reopened.search("forecast weather city", 1).get(0).spec().id())
        .isEqualTo("weather::forecast");

    EmbeddingToolIndex otherModel =
        new EmbeddingToolIndex(new WordHashEmbeddingModel(), "m2", cache);
    assertThat(otherModel.addAll(tools)).isEqualTo(tools.size());
  }

  @Test
  void addAll_changedDescriptionIsEmbeddedAgain() {
    EmbeddingToolIndex index = new EmbeddingToolIndex(new WordHashEmbeddingModel(), "m", cache);
    index.addAll(List.of(ToolSpec.of("s", "t", "old text", null, ToolKind.TOOL)));
    assertThat(index.addAll(List.of(ToolSpec.of("s", "t", "new text", null, ToolKind.TOOL))))
        .isEqualTo(1);
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void search_scoresAreCosineSimilarities() {
    EmbeddingToolIndex index = new EmbeddingToolIndex(new WordHashEmbeddingModel(), "m", null);
    index.addAll(LuceneToolIndexTest.tools());
    List<ToolHit> hits = index.search("list issues of a repository", 5);
    assertThat(hits.get(0).spec().id()).isEqualTo("github::list_issues");
    assertThat(hits.get(0).score()).isBetween(0.5, 1.0001);
    assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
  }

  /** Records every text it embeds, then embeds it as {@link WordHashEmbeddingModel} does. */
  private static final class RecordingModel implements EmbeddingModel {
    final List<String> texts = new ArrayList<>();
    private final WordHashEmbeddingModel inner = new WordHashEmbeddingModel();

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      segments.forEach(s -> texts.add(s.text()));
      return inner.embedAll(segments);
    }

    @Override
    public int dimension() {
      return inner.dimension();
    }
  }

  @Test
  void textOf_namesServerDescriptionAndParameters() throws Exception {
    ToolSpec spec =
        ToolSpec.of(
            "OSM",
            "get_route_directions",
            "Route between two points",
            new ObjectMapper()
                .readTree(
                    "{\"type\":\"object\",\"properties\":{"
                        + "\"fromLat\":{\"type\":\"number\",\"description\":\"start latitude\"},"
                        + "\"mode\":{\"type\":\"string\"}}}"),
            ToolKind.TOOL);
    assertThat(EmbeddingToolIndex.textOf(spec))
        .isEqualTo(
            "get route directions (OSM): Route between two points Parameters: from Lat (start"
                + " latitude); mode");
    ToolSpec bare = ToolSpec.of("s", "ping", "Ping", null, ToolKind.TOOL);
    assertThat(EmbeddingToolIndex.textOf(bare)).isEqualTo("ping (s): Ping");
    ToolSpec longOne = ToolSpec.of("s", "t", "x".repeat(5_000), null, ToolKind.TOOL);
    assertThat(EmbeddingToolIndex.textOf(longOne)).hasSize(1_000);
  }

  @Test
  void queryPrefix_isPutBeforeQueriesButNotToolTexts() {
    RecordingModel model = new RecordingModel();
    EmbeddingToolIndex index = new EmbeddingToolIndex(model, "m", "Query: ", null);
    index.addAll(LuceneToolIndexTest.tools());
    assertThat(model.texts).noneMatch(t -> t.startsWith("Query: "));
    model.texts.clear();
    index.search("weather in a city", 3);
    index.embedQueries(List.of("first part", "second part"));
    assertThat(model.texts)
        .containsExactly("Query: weather in a city", "Query: first part", "Query: second part");
    assertThat(index.sibling().embedQuery("again")).isNotNull();
    assertThat(model.texts).last().isEqualTo("Query: again");
  }

  @Test
  void embedQuery_cutsVeryLongQueries() {
    RecordingModel model = new RecordingModel();
    EmbeddingToolIndex index = new EmbeddingToolIndex(model, "m", "Q: ", null);
    index.embedQuery("y".repeat(20_000));
    assertThat(model.texts.get(0)).hasSize("Q: ".length() + 1_000);
  }

  @Test
  void withModel_rejectsUnknownNames() {
    assertThatThrownBy(() -> EmbeddingToolIndex.withModel("gpt-embeddings", null))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("bge-small");
  }
}
