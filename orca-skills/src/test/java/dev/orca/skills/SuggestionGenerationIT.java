package dev.orca.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.SkillEventType;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.skills.analysis.AnalysisReport;
import dev.orca.skills.analysis.FunctionRequest;
import dev.orca.skills.analysis.PatternMiner;
import dev.orca.skills.analysis.RepeatedWork;
import dev.orca.skills.analysis.SuggestionHandoff;
import dev.orca.skills.runtime.SkillRuntime;
import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.VersionStatus;
import dev.orca.tools.ToolRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-analysis to self-evolution end to end: a history.db with repeated work planted in it
 * (renamed variables, other literals, comments) → {@link PatternMiner} → the top suggestion →
 * {@code generateFunction} with scripted models behind the real sub-agent runner → the real gate
 * (compile, policy, JUnit in a separate JVM) → deployed in learned_skills and callable from a
 * kernel.
 */
class SuggestionGenerationIT {

  @TempDir Path tmp;

  @Test
  void topSuggestion_generatedWithItsPastCells_passesTheGateAndIsDeployed() throws Exception {
    OrcaHome home = new OrcaHome(tmp.resolve("home")).create();
    try (HistoryStore history = HistoryStore.open(home)) {
      SuggestionFixtures.plant(history);
    }
    try (HistoryStore history = HistoryStore.open(home)) {
      PatternMiner miner = new PatternMiner(history);
      AnalysisReport report = miner.analyze(10);
      RepeatedWork top = report.patterns().get(0);
      assertThat(top.count()).isEqualTo(SuggestionFixtures.LONG_PARTS.size());
      assertThat(SuggestionHandoff.find(report, "1")).contains(top);
      assertThat(SuggestionHandoff.find(report, top.id())).contains(top);

      String name = top.suggestedName();
      AgentScript script =
          new AgentScript()
              .answer("code_generator", SuggestionFixtures.fill(SuggestionFixtures.FUNCTION, name))
              .answer("test_generator", SuggestionFixtures.fill(SuggestionFixtures.TESTS, name))
              .answer("code_reviewer", Fixtures.REVIEW_CLEAN);
      SkillService service =
          SkillService.builder(home)
              .config(SkillsConfig.defaults())
              .generators(script.generators())
              .history(history)
              .build();
      SuggestionHandoff handoff = new SuggestionHandoff(miner, service);

      FunctionRequest request = handoff.request(handoff.require(top.id()), null);
      assertThat(request.name()).isEqualTo(name);
      assertThat(request.examples()).containsExactlyElementsOf(SuggestionFixtures.LONG_PARTS);
      assertThat(request.signatureHint())
          .startsWith(name + "(")
          .contains("String splitArg")
          .contains("int number")
          .contains("\"\\\\s+\", \" \", \",\"")
          .contains("kernel variable");

      FunctionResult result = handoff.generate(request);

      // The generators were handed the concrete past cells, the name and the signature hint.
      String codeRequest = script.requests.get("code_generator").get(0);
      assertThat(codeRequest).contains("name: " + name).contains("Signature hint");
      for (String cell : SuggestionFixtures.LONG_PARTS) {
        assertThat(codeRequest).contains(cell);
        assertThat(script.requests.get("test_generator").get(0)).contains(cell);
      }
      // It passed the real gate and is deployed.
      assertThat(result.deployed()).as("%s", result).isTrue();
      assertThat(result.gatePassed()).isTrue();
      assertThat(result.rounds()).isEqualTo(1);
      assertThat(result.tests().orElseThrow().passed()).isEqualTo(3);
      assertThat(result.signature())
          .isEqualTo("long " + name + "(String text, String separator, int minLength)");
      Path file = home.functionsDir().resolve(result.name().className() + ".java");
      assertThat(result.path()).isEqualTo(file);
      assertThat(Files.readString(file))
          .startsWith("// Orca learned skill\n// name: " + name + "\n// version: 1\n")
          .contains("// request: " + request.toGenerateRequest().hash());
      assertThat(home.testsDir().resolve(result.name().testClassName() + ".java")).exists();
      assertThat(service.state(name).orElseThrow().deployed()).isPresent();
      assertThat(history.skillEvents(name).stream().map(e -> e.value().type()))
          .contains(SkillEventType.GENERATED, SkillEventType.DEPLOYED);

      // A later session loads it; kernel code calls it instead of writing the cell again.
      SkillRuntime runtime =
          new SkillRuntime(
              SkillService.builder(home).config(SkillsConfig.defaults()).build(),
              ToolRegistry.create(),
              null);
      assertThat(runtime.start()).singleElement().satisfies(e -> assertThat(e.loaded()).isTrue());
      try (Kernel kernel =
          runtime.attach(JShellKernel.start(KernelOptions.defaults(home.workspace())))) {
        ExecutionResult r = kernel.execute(name + "(\"one three seven eleven\", \" \", 5)");
        assertThat(r).isInstanceOf(ExecutionResult.Success.class);
        assertThat(((ExecutionResult.Success) r).value()).isEqualTo("1");
      }

      // The same suggestion again would replace a deployed function: refused, with what to do.
      assertThatThrownBy(() -> handoff.generate(request))
          .isInstanceOf(OrcaException.class)
          .hasMessageContaining("deployed already")
          .hasMessageContaining("--name");
    }
  }

  @Test
  void generateFromSuggestion_gateFailureOrGeneratorFailure_deploysNothing() throws Exception {
    OrcaHome home = new OrcaHome(tmp.resolve("home")).create();
    try (HistoryStore history = HistoryStore.open(home)) {
      SuggestionFixtures.plant(history);
      PatternMiner miner = new PatternMiner(history);
      String name = miner.analyze(1).patterns().get(0).suggestedName();
      AgentScript script =
          new AgentScript()
              .answer(
                  "code_generator",
                  SuggestionFixtures.fill(SuggestionFixtures.FUNCTION_BUGGY, name))
              .answer("test_generator", SuggestionFixtures.fill(SuggestionFixtures.TESTS, name))
              .answer("code_reviewer", Fixtures.REVIEW_CLEAN);
      SkillService service =
          SkillService.builder(home)
              .config(SkillsConfig.defaults().withMaxRounds(2))
              .generators(script.generators())
              .history(history)
              .build();
      SuggestionHandoff handoff = new SuggestionHandoff(miner, service);

      // The kernel built-in's host side: the tests fail in every round, so nothing is deployed.
      JsonNode out = handoff.generateFromSuggestion(new ObjectMapper().readTree("{\"id\":\"1\"}"));
      assertThat(out.path("deployed").asBoolean()).isFalse();
      assertThat(out.path("gatePassed").asBoolean()).isFalse();
      assertThat(out.path("status").asText()).isEqualTo("pending");
      assertThat(out.path("message").asText()).contains("did not pass the gate");
      assertThat(out.path("suggestion").path("examples").asInt())
          .isEqualTo(SuggestionFixtures.LONG_PARTS.size());
      assertThat(script.requests.get("code_generator").get(0))
          .contains(SuggestionFixtures.LONG_PARTS.get(2));
      String className = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      assertThat(home.functionsDir().resolve(className + ".java")).doesNotExist();
      assertThat(service.state(name).orElseThrow().versions())
          .singleElement()
          .satisfies(v -> assertThat(v.status()).isEqualTo(VersionStatus.PENDING));

      // A generator that fails (the model answers nothing): an error, and still nothing deployed.
      SkillService broken =
          SkillService.builder(home)
              .config(SkillsConfig.defaults())
              .generators(new AgentScript().generators())
              .history(history)
              .build();
      SuggestionHandoff brokenHandoff = new SuggestionHandoff(miner, broken);
      FunctionRequest other = brokenHandoff.request(brokenHandoff.require("1"), "countLongParts");
      assertThatThrownBy(() -> brokenHandoff.generate(other)).isInstanceOf(RuntimeException.class);
      assertThat(home.functionsDir().resolve("CountLongParts.java")).doesNotExist();
      assertThat(broken.state("countLongParts")).isEmpty();
      assertThat(broken.list())
          .extracting(SkillSummary::name)
          .containsExactly(name)
          .doesNotContain("countLongParts");
      assertThat(broken.store().versionDir(SkillKind.FUNCTION, name, 1)).exists();
    }
  }

  @Test
  void unknownIdAndNoModel_areClearErrors() throws Exception {
    OrcaHome home = new OrcaHome(tmp.resolve("home")).create();
    try (HistoryStore history = HistoryStore.open(home)) {
      SuggestionFixtures.plant(history);
      SuggestionHandoff handoff =
          new SuggestionHandoff(
              new PatternMiner(history),
              SkillService.builder(home).config(SkillsConfig.defaults()).build());
      assertThatThrownBy(() -> handoff.require("c00000000"))
          .hasMessageContaining("No suggestion 'c00000000'")
          .hasMessageContaining("orca analyze");
      assertThatThrownBy(() -> handoff.require("99")).hasMessageContaining("rank (1 to 2)");
      FunctionRequest req = handoff.request(handoff.require("1"), null);
      assertThatThrownBy(() -> handoff.generate(req))
          .isInstanceOf(dev.orca.core.ConfigurationException.class)
          .hasMessageContaining("needs a model")
          .hasMessageContaining("--model");
      try (var files = Files.list(home.functionsDir())) {
        assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".java"));
      }
    }
  }
}
