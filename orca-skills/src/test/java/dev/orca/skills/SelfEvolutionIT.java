package dev.orca.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.SkillEventRecord;
import dev.orca.core.history.SkillEventType;
import dev.orca.core.history.Stored;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.skills.generate.FunctionRequest;
import dev.orca.skills.runtime.SkillRuntime;
import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.SkillName;
import dev.orca.skills.store.SkillState;
import dev.orca.skills.store.SkillStore;
import dev.orca.skills.store.VersionStatus;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.search.HybridToolSearch;
import dev.orca.tools.search.ToolHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-evolution end to end with scripted models behind the real sub-agent runner: generate, test,
 * review, refine, deploy, search, use from a kernel in a later session, roll back, hand-edit.
 */
class SelfEvolutionIT {

  @TempDir Path tmp;

  private static final FunctionRequest CLAMP_REQUEST =
      new FunctionRequest(
          new SkillName("clamp"),
          "Clamps an int value into the range [low, high].",
          List.of(
              TextNode.valueOf("clamp(50, 1, 9) -> 9"), TextNode.valueOf("clamp(4, 1, 9) -> 4")));

  @Test
  void function_generatedRefinedDeployedFoundUsedRolledBackAndEdited() throws Exception {
    OrcaHome home = new OrcaHome(tmp.resolve("home")).create();
    AgentScript script =
        new AgentScript()
            .answer("code_generator", Fixtures.CLAMP_BUGGY, Fixtures.CLAMP_ESCAPE, Fixtures.CLAMP)
            .answer("test_generator", Fixtures.CLAMP_TEST)
            .answer("code_reviewer", Fixtures.REVIEW_MINOR);
    try (HistoryStore history = HistoryStore.open(home)) {
      SkillService service =
          SkillService.builder(home)
              .config(SkillsConfig.defaults())
              .generators(script.generators())
              .history(history)
              .build();
      ToolRegistry tools = ToolRegistry.create();
      HybridToolSearch search = HybridToolSearch.over(tools, null);
      SkillRuntime runtime = new SkillRuntime(service, tools, script.registry);
      assertThat(runtime.start()).isEmpty();

      FunctionResult r = service.generateFunction(CLAMP_REQUEST);

      // Round 1: the planted bug is caught by the tests; round 2: the planted socket is caught
      // by policy/review; round 3 passes and is deployed.
      assertThat(r.rounds()).isEqualTo(3);
      assertThat(r.deployed()).as("%s", r).isTrue();
      assertThat(r.gatePassed()).as("%s", r).isTrue();
      assertThat(r.version()).isEqualTo(1);
      assertThat(r.tests().orElseThrow().lineCoverage()).isGreaterThanOrEqualTo(0.8);
      assertThat(r.signature()).isEqualTo("int clamp(int value, int low, int high)");
      Path versionDir = service.store().versionDir(SkillKind.FUNCTION, "clamp", 1);
      String round1 = Files.readString(versionDir.resolve("rounds/1/round.json"));
      String round2 = Files.readString(versionDir.resolve("rounds/2/round.json"));
      assertThat(round1).contains("1 failed").contains("clamp_above_returnsHigh");
      assertThat(round2).contains("Sandbox escape");
      assertThat(script.requests.get("code_generator").get(1)).contains("clamp_above_returnsHigh");
      assertThat(script.requests.get("code_generator").get(2)).contains("Sandbox escape");
      assertThat(script.calls("test_generator")).isEqualTo(1);

      String deployed = Files.readString(home.functionsDir().resolve("Clamp.java"));
      assertThat(deployed)
          .startsWith("// Orca learned skill\n// name: clamp\n// version: 1\n")
          .contains("// generator: code_generator (scripted:test-model)")
          .contains("// request: sha256:");
      assertThat(Files.readString(home.testsDir().resolve("ClampTest.java")))
          .contains("// name: ClampTest");

      List<ToolHit> hits = search.search("clamp a value into a range", 3);
      assertThat(hits).isNotEmpty();
      assertThat(hits.get(0).spec().id()).isEqualTo("clamp");
      assertThat(hits.get(0).spec().kind()).isEqualTo(ToolKind.FUNCTION);

      List<SkillEventType> events =
          history.skillEvents("clamp").stream().map(e -> e.value().type()).toList();
      assertThat(events)
          .contains(
              SkillEventType.GENERATED,
              SkillEventType.TESTED,
              SkillEventType.REVIEWED,
              SkillEventType.APPROVED,
              SkillEventType.DEPLOYED);
      assertThat(
              history.skillEvents("clamp").stream()
                  .map(Stored::value)
                  .filter(e -> e.type() == SkillEventType.GENERATED)
                  .mapToLong(SkillEventRecord::tokensSpent)
                  .sum())
          .isPositive();

      // A later session: a new service and runtime on the same home, and a real kernel.
      SkillService later =
          SkillService.builder(home).config(SkillsConfig.defaults()).history(history).build();
      ToolRegistry laterTools = ToolRegistry.create();
      SkillRuntime laterRuntime = new SkillRuntime(later, laterTools, null);
      List<LoadEntry> loaded = laterRuntime.start();
      assertThat(loaded).singleElement().satisfies(e -> assertThat(e.loaded()).isTrue());
      assertThat(laterTools.get("clamp")).isPresent();
      try (Kernel kernel =
          laterRuntime.attach(JShellKernel.start(KernelOptions.defaults(home.workspace())))) {
        ExecutionResult res = kernel.execute("clamp(50, 1, 9) + clamp(-3, 0, 5)");
        assertThat(res).isInstanceOf(ExecutionResult.Success.class);
        assertThat(((ExecutionResult.Success) res).value()).isEqualTo("9");
        // OrcaBridge forwards to the callTool built-in (this kernel has no bridge attached).
        ExecutionResult tool = kernel.execute("OrcaBridge.call(\"some_tool\", Map.of())");
        assertThat(tool).isInstanceOf(ExecutionResult.UserException.class);
        assertThat(((ExecutionResult.UserException) tool).message()).contains("callTool");
      }
      assertThat(history.skillEvents("clamp").stream().map(e -> e.value().type()))
          .contains(SkillEventType.USED);

      // Version 2, then a rollback to version 1.
      script
          .answer("code_generator", Fixtures.CLAMP_V2)
          .answer("code_reviewer", Fixtures.REVIEW_CLEAN);
      FunctionResult v2 = service.generateFunction(CLAMP_REQUEST);
      assertThat(v2.version()).isEqualTo(2);
      assertThat(v2.deployed()).isTrue();
      assertThat(Files.readString(home.functionsDir().resolve("Clamp.java")))
          .contains("// version: 2")
          .contains("Math.max");

      assertThat(service.rollback("clamp", Optional.empty())).isEqualTo(1);
      assertThat(Files.readString(home.functionsDir().resolve("Clamp.java")))
          .isEqualTo(Files.readString(versionDir.resolve("Clamp.java")));
      SkillState state = service.state("clamp").orElseThrow();
      assertThat(state.deployed().orElseThrow().version()).isEqualTo(1);
      assertThat(state.version(2).orElseThrow().status()).isEqualTo(VersionStatus.SUPERSEDED);
      assertThat(history.skillEvents("clamp").stream().map(e -> e.value().type()))
          .contains(SkillEventType.ROLLED_BACK);
      assertThat(
              Files.exists(
                  service.store().versionDir(SkillKind.FUNCTION, "clamp", 2).resolve("Clamp.java")))
          .isTrue();

      // A hand edit that breaks the tests: not loaded at the next start, and says why.
      Path file = home.functionsDir().resolve("Clamp.java");
      Files.writeString(file, Files.readString(file).replace("return high;", "return low;"));
      ToolRegistry editedTools = ToolRegistry.create();
      SkillRuntime edited =
          new SkillRuntime(
              SkillService.builder(home).config(SkillsConfig.defaults()).build(),
              editedTools,
              null);
      List<LoadEntry> report = edited.start();
      assertThat(report)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.loaded()).isFalse();
                assertThat(e.regated()).isTrue();
                assertThat(e.reason()).contains("tests fail").contains("clamp_above_returnsHigh");
              });
      assertThat(editedTools.get("clamp")).isEmpty();
      assertThat(edited.deployed()).isEmpty();
      assertThat(service.list())
          .singleElement()
          .satisfies(s -> assertThat(s.state()).isEqualTo("edited"));

      // A hand edit that keeps the tests green is re-gated as a new version and loads.
      Files.writeString(
          file,
          Files.readString(versionDir.resolve("Clamp.java"))
              .replace(
                  "Clamps a value into a range.", "Clamps a value into the range [low, high]."));
      LoadEntry fixed = service.check("clamp");
      assertThat(fixed.loaded()).isTrue();
      assertThat(fixed.version()).isEqualTo(3);
      assertThat(Files.readString(file)).contains("// version: 3").contains("// generator: human");
    }
  }

  @Test
  void subagent_generatedValidatedRegisteredAndCallableAtOnce() {
    OrcaHome home = new OrcaHome(tmp.resolve("home")).create();
    AgentScript script =
        new AgentScript()
            .answer("agent_generator", Fixtures.AGENT_BAD, Fixtures.AGENT_GOOD)
            .answer("sentiment_analyzer", "positive");
    SkillService service =
        SkillService.builder(home)
            .config(SkillsConfig.defaults())
            .generators(script.generators())
            .toolExists(t -> t.equals("known_tool"))
            .build();
    ToolRegistry tools = ToolRegistry.create();
    HybridToolSearch search = HybridToolSearch.over(tools, null);
    new SkillRuntime(service, tools, script.registry).start();

    AgentResult r =
        service.generateSubagent(
            "sentiment_analyzer", "Classify the sentiment of reviews.", List.of());

    assertThat(r.rounds()).isEqualTo(2);
    assertThat(r.valid()).isTrue();
    assertThat(r.deployed()).as("%s", r).isTrue();
    assertThat(script.requests.get("agent_generator").get(1))
        .contains("no_such_tool")
        .contains("README.md must say what the agent is for");
    Path dir = home.agentsDir().resolve("sentiment_analyzer");
    assertThat(dir.resolve("agent.toml")).exists();
    assertThat(dir.resolve("prompts.md")).exists();
    assertThat(dir.resolve("README.md")).exists();
    assertThat(SkillStore.read(dir.resolve("agent.toml")).orElseThrow())
        .startsWith("# Orca learned skill\n# name: sentiment_analyzer\n# version: 1");
    assertThat(script.registry.find("sentiment_analyzer")).isPresent();
    assertThat(search.search("sentiment of a review", 3).get(0).spec().id())
        .isEqualTo("sentiment_analyzer");
    assertThat(script.runner.call("sentiment_analyzer", null, "I love this phone").text())
        .isEqualTo("positive");

    // Unknown tools are refused before anything is generated.
    assertThatThrownBy(() -> service.generateSubagent("other_agent", "x", List.of("nope")))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void approval_neverKeepsItPendingUntilApproved() {
    OrcaHome home = new OrcaHome(tmp.resolve("home")).create();
    AgentScript script =
        new AgentScript()
            .answer("code_generator", Fixtures.CLAMP)
            .answer("test_generator", Fixtures.CLAMP_TEST)
            .answer("code_reviewer", Fixtures.REVIEW_CLEAN);
    SkillService service =
        SkillService.builder(home)
            .config(SkillsConfig.defaults().withApproval(ApprovalPolicy.NEVER))
            .generators(script.generators())
            .build();
    ToolRegistry tools = ToolRegistry.create();
    new SkillRuntime(service, tools, null).start();

    FunctionResult r = service.generateFunction(CLAMP_REQUEST);

    assertThat(r.gatePassed()).as("%s", r).isTrue();
    assertThat(r.deployed()).isFalse();
    assertThat(home.functionsDir().resolve("Clamp.java")).doesNotExist();
    assertThat(tools.get("clamp")).isEmpty();
    assertThat(service.list())
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo("pending"));

    assertThat(service.approve("clamp", Optional.empty())).isEqualTo(1);
    assertThat(home.functionsDir().resolve("Clamp.java")).exists();
    assertThat(tools.get("clamp")).isPresent();
    assertThat(service.state("clamp").orElseThrow().deployed().orElseThrow().approvedBy())
        .isEqualTo("person");

    // generateTests: passing tests replace the deployed ones and keep the record consistent.
    script.answer("test_generator", Fixtures.CLAMP_TEST.replace("clamp_badRange", "clamp_swapped"));
    TestsResult t = service.generateTests("Clamp.java");
    assertThat(t.report().passed()).isEqualTo(4);
    assertThat(t.path()).isEqualTo(home.testsDir().resolve("ClampTest.java"));
    assertThat(t.path()).content().contains("clamp_swapped");
    assertThat(service.checkFunctions())
        .singleElement()
        .satisfies(e -> assertThat(e.regated()).isFalse());

    // Failing generated tests are kept aside, never replacing the tests the function passed.
    script.answer(
        "test_generator", Fixtures.CLAMP_TEST.replace("assertEquals(4,", "assertEquals(5,"));
    TestsResult bad = service.generateTests("clamp");
    assertThat(bad.report().failed()).isEqualTo(1);
    assertThat(bad.path().getFileName().toString()).isEqualTo("ClampTest.candidate.java");
    assertThat(home.testsDir().resolve("ClampTest.java")).content().contains("clamp_swapped");

    // reviewGeneratedCode: static checks plus the reviewer's findings, most severe first.
    script.answer(
        "code_reviewer",
        "{\"issues\":[{\"severity\":\"minor\",\"line\":2,\"message\":\"naming\","
            + "\"suggestion\":\"\"},{\"severity\":\"major\",\"line\":20,"
            + "\"message\":\"overflow not considered\",\"suggestion\":\"use long\"}]}");
    List<ReviewIssue> review = service.review("clamp");
    assertThat(review).extracting(ReviewIssue::severity).startsWith(Severity.MAJOR);
    assertThat(review.get(0).message()).isEqualTo("overflow not considered");
    assertThat(review.get(0).line()).isEqualTo(20);
  }
}
