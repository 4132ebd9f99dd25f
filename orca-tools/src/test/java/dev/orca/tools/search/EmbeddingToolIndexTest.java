package dev.orca.tools.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.testing.WordHashEmbeddingModel;
import java.nio.file.Path;
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
}
