package dev.orca.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryBenchmarkTest {

  @TempDir Path dir;

  private static RetrievalQuery query(List<List<String>> groups) {
    return new RetrievalQuery("q", "msc-bench", 4, "text", groups, "msc-bench");
  }

  @Test
  void recall_countsGroupsWithAnyMemberInTheTopK() {
    RetrievalQuery q = query(List.of(List.of("a", "b"), List.of("c"), List.of("d")));
    List<String> ranked = List.of("x", "b", "y", "z", "d", "c");
    assertThat(DiscoveryBenchmark.recall(q, ranked, 1)).isZero();
    assertThat(DiscoveryBenchmark.recall(q, ranked, 2)).isEqualTo(1.0 / 3);
    assertThat(DiscoveryBenchmark.recall(q, ranked, 5)).isEqualTo(2.0 / 3);
    assertThat(DiscoveryBenchmark.recall(q, ranked, 6)).isEqualTo(1.0);
    double[] m = DiscoveryBenchmark.metrics(q, ranked, 5, true);
    assertThat(m[2]).as("reciprocal rank of the first relevant").isEqualTo(0.5);
  }

  @Test
  void run_searchesEachQueryInItsOwnCatalogPartAndWritesResults() throws Exception {
    Path catalog = dir.resolve("catalog.jsonl");
    Files.writeString(
        catalog,
        String.join(
            "\n",
            "{\"id\":\"w::forecast\",\"source\":\"a\",\"server\":\"w\",\"name\":\"forecast\",\"description\":\"weather forecast for a city\",\"input_schema\":{\"type\":\"object\"}}",
            "{\"id\":\"x::forecast\",\"source\":\"b\",\"server\":\"x\",\"name\":\"forecast\",\"description\":\"weather forecast for a city\",\"input_schema\":{\"type\":\"object\"}}",
            "{\"id\":\"g::create_issue\",\"source\":\"a\",\"server\":\"g\",\"name\":\"create_issue\",\"description\":\"open an issue\",\"input_schema\":{\"type\":\"object\"}}"));
    Path queries = dir.resolve("queries.jsonl");
    Files.writeString(
        queries,
        "{\"id\":\"q1\",\"benchmark\":\"msc-bench\",\"level\":1,\"query\":\"weather forecast\",\"relevant_groups\":[[\"w::forecast\"]],\"catalog_source\":\"a\"}\n"
            + "{\"id\":\"q2\",\"benchmark\":\"livemcpbench\",\"level\":null,\"query\":\"weather forecast\",\"relevant_groups\":[[\"w::forecast\"]],\"catalog_source\":\"b\"}\n");
    Path results = dir.resolve("out/results.jsonl");
    DiscoveryBenchmark.Report r =
        DiscoveryBenchmark.run(
            new DiscoveryBenchmark.Settings(
                catalog, queries, 5, DiscoveryBenchmark.Mode.BM25, results, null, 0.5, false));
    assertThat(r.toolsPerIndex()).containsEntry("a", 2).containsEntry("b", 1);
    assertThat(r.groups())
        .extracting(DiscoveryBenchmark.GroupStats::group)
        .containsExactly("livemcpbench", "msc-bench L1", "msc-bench all", "all");
    assertThat(r.groups().get(1).recallAtK()).isEqualTo(1.0);
    assertThat(r.groups().get(0).recallAtK()).as("w::forecast is not in catalog part b").isZero();
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith("{\"id\":\"q1\",\"ranked\":[\"w::forecast\"")
        .contains("\"ms\":");
    assertThat(DiscoveryBenchmark.format(r)).contains("R@5").contains("p95");
  }

  @Test
  void run_badFilesFailWithTheLine() throws Exception {
    Path catalog = dir.resolve("bad.jsonl");
    Files.writeString(catalog, "{\"id\":\"a::b\",\"name\":\"b\"}\nnot json\n");
    assertThatThrownBy(() -> BenchData.catalog(catalog))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> BenchData.catalog(dir.resolve("missing.jsonl")))
        .hasMessageContaining("File not found");
  }

  @Test
  void tokens_upfrontIsFarBelowTheCatalog() throws Exception {
    Path catalog = dir.resolve("catalog.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      lines
          .append("{\"id\":\"s::t")
          .append(i)
          .append("\",\"source\":\"p\",\"server\":\"s\",\"name\":\"t")
          .append(i)
          .append("\",\"description\":\"")
          .append("a long description of the tool ".repeat(20))
          .append("\",\"input_schema\":{\"type\":\"object\"}}\n");
    }
    Files.writeString(catalog, lines);
    TokenBenchmark.Report r = TokenBenchmark.run(catalog);
    assertThat(r.upfront().o200k()).isBetween(100L, 1000L);
    assertThat(r.catalog().tools()).isEqualTo(50);
    assertThat(r.catalog().tokens().o200k()).isGreaterThan(r.upfront().o200k() * 5);
    assertThat(r.byServer())
        .singleElement()
        .extracting(TokenBenchmark.Row::name)
        .isEqualTo("p / s");
    assertThat(TokenBenchmark.format(r, 5)).contains("Orca upfront");
  }
}
