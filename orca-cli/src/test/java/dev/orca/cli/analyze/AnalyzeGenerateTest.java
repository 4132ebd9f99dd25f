package dev.orca.cli.analyze;

import static dev.orca.cli.analyze.AnalyzeGenerateSupport.answers;
import static dev.orca.cli.analyze.AnalyzeGenerateSupport.noQuestions;
import static dev.orca.cli.analyze.AnalyzeGenerateSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.cli.analyze.AnalyzeGenerateSupport.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orca analyze --generate}: the refusals that happen before anything is generated. */
class AnalyzeGenerateTest {
  @TempDir Path home;

  private final ScriptedGenerators model = new ScriptedGenerators();

  @BeforeEach
  void plant() {
    AnalyzeGenerateSupport.plant(home);
  }

  @Test
  void list_showsIdsAndHowToGenerate() {
    Run r = run(model.models(), noQuestions(), "--home", home.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).containsPattern("1\\. \\[c[0-9a-f]{8}\\] cell, 4x").contains("--generate");
  }

  @Test
  void generate_unknownIdIsAUsageErrorThatListsTheIds() {
    Run r =
        run(model.models(), noQuestions(), "--home", home.toString(), "--generate", "c0000dead");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("No suggestion 'c0000dead'").containsPattern("\\(c[0-9a-f]{8}\\)");
    assertThat(model.requests).isEmpty();
  }

  @Test
  void generate_withoutAModelIsAConfigurationErrorThatSaysHowToConfigureOne() {
    Run r =
        run(
            (h, m, b) -> Optional.empty(),
            noQuestions(),
            "--home",
            home.toString(),
            "--generate",
            "1");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("needs a model").contains("--model").contains("ORCA_MODEL");
  }

  @Test
  void generate_declinedShowsTheCellsAndGeneratesNothing() throws Exception {
    Run r = run(model.models(), answers("n\n"), "--home", home.toString(), "--generate", "1");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("Suggestion 1 [c")
        .contains("Signature hint:")
        .contains("Past cells handed to the generator as examples (4)")
        .contains("long longOnes = Arrays.stream(tokens)")
        .contains("Deploy it?")
        .contains("Nothing generated.");
    assertThat(model.requests).isEmpty();
    try (Stream<Path> files = Files.list(home.resolve("learned_skills/functions"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void generate_failingGeneratorSaysWhatFailedAndDeploysNothing() throws Exception {
    // The scripted model has no answers: the code generator's first call fails.
    Run r =
        run(model.models(), noQuestions(), "--home", home.toString(), "--generate", "1", "--yes");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("generating splitFilter failed")
        .contains("no scripted answer")
        .contains("Nothing was deployed.");
    assertThat(home.resolve("learned_skills/functions/SplitFilter.java")).doesNotExist();
    assertThat(home.resolve("learned_skills/functions/versions/SplitFilter/state.json"))
        .doesNotExist();
  }

  @Test
  void generate_badNameIsAUsageError() {
    Run r =
        run(
            model.models(),
            noQuestions(),
            "--home",
            home.toString(),
            "--generate",
            "1",
            "--name",
            "Not-A-Name");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("lower camel case");
  }

  @Test
  void generateOptionsWithoutGenerateAreAUsageError() {
    Run r = run(model.models(), noQuestions(), "--home", home.toString(), "--yes");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("go with --generate");
  }
}
