package dev.orca.cli.analyze;

import static dev.orca.cli.analyze.AnalyzeGenerateSupport.answers;
import static dev.orca.cli.analyze.AnalyzeGenerateSupport.noQuestions;
import static dev.orca.cli.analyze.AnalyzeGenerateSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.cli.analyze.AnalyzeGenerateSupport.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orca analyze --generate} end to end with a scripted model: the suggestion's past cells
 * reach the generators, the real gate runs (tests in a separate JVM) and the function is deployed.
 */
class AnalyzeGenerateIT {
  @TempDir Path home;

  @Test
  void generate_approvedOnTheTerminal_deploysAFunctionMadeFromThePastCells() throws Exception {
    AnalyzeGenerateSupport.plant(home);
    ScriptedGenerators model =
        new ScriptedGenerators()
            .answer("code_generator", AnalyzeGenerateSupport.FUNCTION)
            .answer("test_generator", AnalyzeGenerateSupport.TESTS)
            .answer("code_reviewer", AnalyzeGenerateSupport.REVIEW_CLEAN);

    Run r = run(model.models(), answers("y\n"), "--home", home.toString(), "--generate", "1");

    assertThat(r.code()).as("%s", r).isZero();
    assertThat(r.err()).contains("Deploy it?").contains("Generating splitFilter");
    assertThat(r.out()).contains("splitFilter v1 deployed").contains("Deployed v1.");
    assertThat(home.resolve("learned_skills/functions/SplitFilter.java")).exists();
    assertThat(home.resolve("learned_skills/tests/SplitFilterTest.java")).exists();
    String request = model.requests.get("code_generator").get(0);
    assertThat(request).contains("name: splitFilter").contains("Signature hint");
    AnalyzeGenerateSupport.CELLS.forEach(cell -> assertThat(request).contains(cell));

    // --yes asks nothing; --name gives the function another name; --json prints the result.
    Run again =
        run(
            model.models(),
            noQuestions(),
            "--home",
            home.toString(),
            "--generate",
            "1",
            "--yes",
            "--name",
            "countLongParts",
            "--json");

    assertThat(again.code()).as("%s", again).isZero();
    JsonNode json = new ObjectMapper().readTree(again.out());
    assertThat(json.path("deployed").asBoolean()).isTrue();
    assertThat(json.path("signature").asText())
        .isEqualTo("long countLongParts(String text, String separator, int minLength)");
    assertThat(json.path("suggestion").path("examples").asInt()).isEqualTo(4);
    assertThat(Files.readString(home.resolve("learned_skills/functions/CountLongParts.java")))
        .contains("// name: countLongParts");

    // The proposed name is taken now: a clear refusal before anything is generated.
    int calls = model.requests.get("code_generator").size();
    Run taken =
        run(model.models(), noQuestions(), "--home", home.toString(), "--generate", "1", "--yes");
    assertThat(taken.code()).isEqualTo(2);
    assertThat(taken.err()).contains("deployed already").contains("--name");
    assertThat(model.requests.get("code_generator")).hasSize(calls);
  }
}
