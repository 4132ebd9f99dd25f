package dev.orca.skills.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.orca.agent.subagent.SubagentRegistry;
import dev.orca.kernel.sandbox.OsSandbox;
import dev.orca.skills.ApprovalPolicy;
import dev.orca.skills.ApprovalPrompt;
import dev.orca.skills.SkillsConfig;
import dev.orca.skills.TestReport;
import dev.orca.skills.gate.CompileOutcome;
import dev.orca.skills.gate.OrcaBridgeSource;
import dev.orca.skills.gate.SkillCompiler;
import dev.orca.skills.gate.TestRunner;
import dev.orca.skills.runtime.SkillsSetup;
import dev.orca.skills.store.SkillStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalHarnessIT {

  @TempDir Path tmp;

  @Test
  void tasks_atLeastTwentyAcrossAllCategories() {
    List<EvalTask> tasks = EvalTask.all();
    assertThat(tasks).hasSizeGreaterThanOrEqualTo(20);
    assertThat(tasks.stream().map(EvalTask::category).distinct())
        .containsExactlyInAnyOrder("data", "text", "dates", "json", "tables");
    assertThat(tasks).allSatisfy(t -> assertThat(t.examples()).isNotEmpty());
  }

  @Test
  void hiddenTests_passAgainstReferenceSolutions() {
    List<EvalTask> tasks = EvalTask.all();
    List<Path> sources = new ArrayList<>();
    List<String> testClasses = new ArrayList<>();
    List<String> covered = new ArrayList<>();
    Path src = tmp.resolve("src");
    for (EvalTask t : tasks) {
      Path ref = src.resolve(t.name().className() + ".java");
      SkillStore.write(ref, reference(t.name().className()));
      Path test = src.resolve(t.name().testClassName() + ".java");
      SkillStore.write(test, t.hiddenTest());
      sources.add(ref);
      sources.add(test);
      testClasses.add(t.name().testClassName());
      covered.add(t.name().className());
    }
    Path bridge = src.resolve("OrcaBridge.java");
    SkillStore.write(bridge, OrcaBridgeSource.TEST_DOUBLE);
    sources.add(bridge);
    CompileOutcome c =
        new SkillCompiler()
            .compile(sources, tmp.resolve("classes"), TestRunner.testCompileClasspath());
    assertThat(c.errors()).isEmpty();

    TestReport r =
        new TestRunner(OsSandbox.NONE, 512, Duration.ofSeconds(120))
            .run(
                tmp.resolve("classes"), String.join(",", testClasses), covered, tmp.resolve("run"));

    assertThat(r.error()).isEmpty();
    assertThat(r.failures()).isEmpty();
    assertThat(r.passed()).isGreaterThanOrEqualTo(tasks.size() * 2);
  }

  @Test
  void harness_reportsCompileGateAndHiddenRates() {
    Map<String, List<String>> answers = new ConcurrentHashMap<>();
    String quarter = reference("QuarterOf");
    String median = reference("Median");
    EvalTask quarterTask = task("quarterOf");
    EvalTask medianTask = task("median");
    answers.put(
        "code_generator",
        new ArrayList<>(List.of(quarter, median.replace("return n % 2", "return n %% 2"), median)));
    answers.put(
        "test_generator",
        new ArrayList<>(List.of(quarterTask.hiddenTest(), medianTask.hiddenTest())));
    AtomicInteger calls = new AtomicInteger();
    SubagentRegistry builtIns = SubagentRegistry.withBuiltIns();
    ChatModel model =
        new ChatModel() {
          @Override
          public ChatResponse chat(ChatRequest request) {
            calls.incrementAndGet();
            String system = "";
            for (ChatMessage m : request.messages()) {
              if (m instanceof SystemMessage s) {
                system = s.text();
              }
            }
            String agent = "code_reviewer";
            for (var s : builtIns.all()) {
              if (system.startsWith(s.systemPrompt())) {
                agent = s.name();
              }
            }
            List<String> q = answers.get(agent);
            String text = q == null ? "{\"issues\":[]}" : q.size() > 1 ? q.remove(0) : q.get(0);
            return ChatResponse.builder()
                .aiMessage(AiMessage.from(text))
                .finishReason(FinishReason.STOP)
                .tokenUsage(new TokenUsage(100, 50))
                .build();
          }
        };
    SkillsConfig config = SkillsConfig.defaults().withApproval(ApprovalPolicy.NEVER);
    EvalHarness harness =
        new EvalHarness(
            home ->
                SkillsSetup.service(
                    home, model, "scripted:eval", null, ApprovalPrompt.NONE, config),
            tmp.resolve("eval"));
    List<String> progress = new ArrayList<>();

    EvalReport report =
        harness.run("scripted:eval", List.of(quarterTask, medianTask), progress::add);

    assertThat(progress).hasSize(2);
    assertThat(report.results())
        .extracting(EvalResult::task)
        .containsExactly("quarterOf", "median");
    assertThat(report.firstTryCompileRate()).isEqualTo(0.5);
    assertThat(report.gatePassRate()).isEqualTo(1.0);
    assertThat(report.hiddenPassRate()).isEqualTo(1.0);
    assertThat(report.meanRounds()).isEqualTo(1.5);
    assertThat(report.tokens()).isEqualTo(150L * calls.get());
    assertThat(report.render()).contains("first-try compile 50%").contains("quarterOf");
  }

  private static EvalTask task(String name) {
    return EvalTask.all().stream()
        .filter(t -> t.name().method().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String reference(String className) {
    String path = "/dev/orca/skills/eval/reference/" + className + ".java";
    try (InputStream in = EvalHarnessIT.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing " + path, e);
    }
  }
}
