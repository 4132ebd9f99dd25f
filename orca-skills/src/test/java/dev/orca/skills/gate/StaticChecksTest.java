package dev.orca.skills.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import dev.orca.skills.ReviewIssue;
import dev.orca.skills.Severity;
import dev.orca.skills.store.SkillName;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticChecksTest {

  @TempDir Path tmp;

  private static CompilationUnit parse(String src) {
    return JavaSources.parse(src).unit().orElseThrow();
  }

  @Test
  void formCheck_acceptsTheFunctionForm() {
    assertThat(FormCheck.check(parse(Samples.ADD), new SkillName("clamp"))).isEmpty();
  }

  @Test
  void formCheck_explainsAWrongClassName() {
    List<ReviewIssue> issues = FormCheck.check(parse(Samples.ADD), new SkillName("limit"));
    assertThat(issues).anySatisfy(i -> assertThat(i.message()).contains("named Limit"));
  }

  @Test
  void smellCheck_findsEscapesAndSwallowedErrors() {
    String src =
        """
        final class Bad {
          static void run(int unused) {
            try {
              Runtime.getRuntime().exec("rm -rf /");
              System.exit(1);
            } catch (Throwable t) {
            }
          }
        }
        """;
    List<ReviewIssue> issues = SmellCheck.check(parse(src));

    assertThat(issues)
        .extracting(ReviewIssue::severity, ReviewIssue::line)
        .contains(
            org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, 4),
            org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, 5),
            org.assertj.core.groups.Tuple.tuple(Severity.MAJOR, 6),
            org.assertj.core.groups.Tuple.tuple(Severity.MINOR, 2));
    assertThat(issues.stream().map(ReviewIssue::message))
        .anyMatch(m -> m.contains("starts a process"))
        .anyMatch(m -> m.contains("empty catch"))
        .anyMatch(m -> m.contains("parameter unused of run is never used"));
  }

  @Test
  void smellCheck_cleanFunctionHasNoFindings() {
    assertThat(SmellCheck.check(parse(Samples.ADD))).isEmpty();
  }

  @Test
  void styleCheck_flagsMissingJavadocAsMajor() throws Exception {
    Path ok = tmp.resolve("Clamp.java");
    java.nio.file.Files.writeString(ok, Samples.ADD);
    assertThat(new StyleCheck().check(ok)).filteredOn(i -> i.severity().blocks()).isEmpty();

    Path bad = tmp.resolve("bad/Clamp.java");
    java.nio.file.Files.createDirectories(bad.getParent());
    java.nio.file.Files.writeString(bad, Samples.ADD.replaceAll("(?s)/\\*\\*.*?\\*/\\s*", ""));
    assertThat(new StyleCheck().check(bad))
        .anySatisfy(
            i -> {
              assertThat(i.severity()).isEqualTo(Severity.MAJOR);
              assertThat(i.message()).contains("Javadoc");
            });
  }

  @Test
  void formatter_formatsAndReportsSyntaxErrors() {
    SourceFormatter f = new SourceFormatter();
    SourceFormatter.Result ok = f.format("final class A{int x(){return 1;}}");
    assertThat(ok).isInstanceOf(SourceFormatter.Result.Formatted.class);
    assertThat(((SourceFormatter.Result.Formatted) ok).source())
        .isEqualTo("final class A {\n  int x() {\n    return 1;\n  }\n}\n");
    assertThat(f.format("final class A {")).isInstanceOf(SourceFormatter.Result.Failed.class);
  }

  @Test
  void kernelSnippets_dropModifiersAndAddADelegate() {
    List<String> s =
        KernelSnippets.forFunction(
            "import java.util.List;\n" + Samples.ADD, new SkillName("clamp"));

    assertThat(s.get(0)).isEqualTo("import java.util.List;");
    assertThat(s.get(1)).startsWith("/**").contains("class Clamp {").doesNotContain("public final");
    assertThat(s.get(2))
        .isEqualTo(
            "static int clamp(int value, int low, int high) { return Clamp.clamp(value, low,"
                + " high); }");
  }

  @Test
  void extractCode_takesTheFencedBlockAndDropsThePackage() {
    String answer = "Sure!\n```java\npackage a.b;\n\nfinal class A {}\n```\nDone.";
    assertThat(JavaSources.extractCode(answer)).isEqualTo("final class A {}\n");
  }
}
