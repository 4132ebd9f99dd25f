package dev.orca.skills.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.skills.analysis.internal.CellNormalizer;
import dev.orca.skills.analysis.internal.CellNormalizer.Literal;
import dev.orca.skills.analysis.internal.CellNormalizer.Normalized;
import dev.orca.skills.analysis.internal.SignatureHints;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SignatureHintsTest {
  private final CellNormalizer n = new CellNormalizer();

  private List<Normalized> cells(String... code) {
    return Stream.of(code).map(n::normalize).toList();
  }

  @Test
  void normalize_keepsLiteralsKernelVariablesAndTheFinalValue() {
    Normalized c =
        n.normalize(
            "var rows = Files.readAllLines(Path.of(\"a.csv\"));\n"
                + "long k = rows.stream().filter(l -> l.contains(needle)).count() + 2;\nk * 3");

    assertThat(c.literals())
        .extracting(Literal::text)
        .containsExactlyInAnyOrder("\"a.csv\"", "2", "3");
    assertThat(c.literals())
        .filteredOn(l -> l.text().equals("\"a.csv\""))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.type()).isEqualTo("String");
              assertThat(l.role()).isEqualTo("path");
            });
    assertThat(c.kernelVariables()).containsExactly("needle");
    assertThat(c.value()).isEqualTo("k * 3");
    assertThat(c.method()).isEmpty();
    assertThat(n.normalize("int score(String s) { return s.length() * 2; }").method())
        .isEqualTo("int score(String s)");
  }

  @Test
  void of_makesTheValuesThatDifferParametersAndKeepsTheSameOnesConstant() {
    String hint =
        SignatureHints.of(
            "sumColumn",
            cells(
                "var lines = Files.readAllLines(Path.of(\"sales.csv\")); int t = 0;"
                    + " for (String l : lines.subList(1, lines.size())) {"
                    + " t += Integer.parseInt(l.split(\",\")[2]); } t",
                "var rows = Files.readAllLines(Path.of(\"q3.csv\")); int sum = 0;"
                    + " for (String r : rows.subList(1, rows.size())) {"
                    + " sum += Integer.parseInt(r.split(\";\")[4]); } sum"));

    assertThat(hint.lines().findFirst().orElseThrow())
        .isEqualTo(
            "sumColumn(String path, String splitArg, int index) -> the value of `sum` (what the"
                + " cells ended with)");
    assertThat(hint)
        .contains("path: differed between the cells: \"sales.csv\", \"q3.csv\"")
        .contains("index: differed between the cells: 2, 4")
        .contains("the same in every cell (keep as constants): 0, 1");
  }

  @Test
  void of_namesMapValuesAfterTheirKeysAndKeepsADeclaredMethodsParameters() {
    String tool =
        SignatureHints.of(
            "searchOpen",
            cells(
                "var r = callTool(\"github.search\", Map.of(\"q\", \"bug\")); r",
                "var x = callTool(\"github.search\", Map.of(\"q\", \"crash\")); x"));
    assertThat(tool).startsWith("searchOpen(String q) -> the value of `x`");

    String method =
        SignatureHints.of(
            "score",
            cells(
                "int score(String s) { return s.length() * 2; }",
                "int points(String w) { return w.length() * 3; }"));
    assertThat(method)
        .startsWith("score(String w, int number) -> int")
        .contains("declared this method each time: int points(String w)");
  }

  @Test
  void ofTools_namesTheToolsInOrder() {
    assertThat(SignatureHints.ofTools("listAndPost", List.of("fs.list", "slack.post")))
        .startsWith("listAndPost(")
        .contains("calls, in order: fs.list, slack.post");
  }
}
