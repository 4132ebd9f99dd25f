package dev.orca.skills.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.skills.analysis.internal.CellNormalizer;
import org.junit.jupiter.api.Test;

class CellNormalizerTest {
  private final CellNormalizer n = new CellNormalizer();

  private String fp(String code) {
    return n.normalize(code).fingerprint();
  }

  @Test
  void normalize_abstractsDeclaredNamesAndLiterals() {
    assertThat(
            fp("var rows = Files.readAllLines(Path.of(\"a.csv\")); int total = rows.size() * 3;"))
        .isEqualTo(
            fp("var lines = Files.readAllLines(Path.of(\"b.csv\")); int sum = lines.size() * 7;"));
  }

  @Test
  void normalize_keepsLibraryCallsOperatorsAndFields() {
    String base = "var d = ChronoUnit.DAYS.between(a, b); if (d > 3) { System.out.println(d); }";
    assertThat(fp(base)).isNotEqualTo(fp(base.replace("DAYS", "WEEKS")));
    assertThat(fp(base)).isNotEqualTo(fp(base.replace("d > 3", "d < 3")));
    assertThat(fp(base)).isNotEqualTo(fp(base.replace("println", "print")));
  }

  @Test
  void normalize_reordersOnlyIndependentDeclarations() {
    String a = "var x = LocalDate.parse(\"2026-01-01\");\nvar y = LocalDate.parse(\"2026-02-01\");";
    String b = "var y = LocalDate.parse(\"2026-03-01\");\nvar x = LocalDate.parse(\"2026-01-09\");";
    assertThat(fp(a)).isEqualTo(fp(b));
    // Dependent declarations keep their order, and calls on a shared variable are not swapped.
    assertThat(fp("var p = f(k); var q = Math.abs(p);"))
        .isNotEqualTo(fp("var q = Math.abs(k); var p = f(q);"));
    assertThat(fp("list.add(1); list.clear();")).isNotEqualTo(fp("list.clear(); list.add(1);"));
  }

  @Test
  void normalize_handlesJshellCellShapes() {
    CellNormalizer.Normalized expr = n.normalize("int t = 1;\nt * 2 + Math.max(t, 4)");
    assertThat(expr.parsed()).isTrue();
    assertThat(expr.fingerprint()).isEqualTo(fp("int s = 5;\ns * 2 + Math.max(s, 9)"));
    CellNormalizer.Normalized method =
        n.normalize("int score(String s) { return s.length() * 2; }");
    assertThat(method.parsed()).isTrue();
    assertThat(method.fingerprint())
        .isEqualTo(fp("int points(String word) { return word.length() * 5; }"));
    assertThat(n.normalize("import java.util.*;\nvar m = new HashMap<String, Integer>();").parsed())
        .isTrue();
    CellNormalizer.Normalized broken = n.normalize("int x = = 3 foo(\"a\")");
    assertThat(broken.parsed()).isFalse();
    assertThat(broken.fingerprint()).isEqualTo(fp("int y = = 9 foo(\"b\")"));
    assertThat(expr.calls()).contains("max");
  }

  @Test
  void normalize_ignoresCommentsAndLayout() {
    assertThat(fp("int a = 1; // one\n/* two */ int b = a + 2;"))
        .isEqualTo(fp("int  x=1;\n\n   int y = x+2;"));
  }
}
