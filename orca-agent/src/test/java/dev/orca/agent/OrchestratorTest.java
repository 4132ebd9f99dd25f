package dev.orca.agent;

import static dev.orca.agent.bench.ScriptedChatModel.answer;
import static dev.orca.agent.bench.ScriptedChatModel.call;
import static dev.orca.agent.bench.ScriptedChatModel.code;
import static dev.orca.agent.bench.ScriptedChatModel.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.orca.agent.bench.ScriptedChatModel;
import dev.orca.agent.context.TokenCounter;
import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaException;
import dev.orca.kernel.KernelBridge;
import dev.orca.kernel.Output;
import dev.orca.kernel.VariableInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OrchestratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Orchestrator orchestrator(ScriptedChatModel model, FakeKernel kernel) {
    return orchestrator(model, kernel, AgentConfig.DEFAULTS);
  }

  private static Orchestrator orchestrator(
      ScriptedChatModel model, FakeKernel kernel, AgentConfig config) {
    KernelBridge bridge =
        (method, args) -> {
          assertThat(method).isEqualTo("searchTools");
          return JSON.createObjectNode()
              .set(
                  "results",
                  JSON.createArrayNode()
                      .add(
                          JSON.createObjectNode()
                              .put("name", "summarizer")
                              .put("kind", "agent")
                              .put("signature", "callSubagent(\"summarizer\", String variableName)")
                              .put(
                                  "description",
                                  "Summarises text for " + args.get("query").asText())
                              .put("score", 0.9)));
        };
    return Orchestrator.builder()
        .model(ModelClient.blocking(model, "scripted", "m"))
        .kernel(kernel)
        .bridge(bridge)
        .config(config)
        .build();
  }

  private static List<ToolExecutionResultMessage> results(ChatRequest r) {
    List<ToolExecutionResultMessage> out = new ArrayList<>();
    for (ChatMessage m : r.messages()) {
      if (m instanceof ToolExecutionResultMessage t) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  void ask_sendsShortSystemPromptAndExactlyTwoTools() {
    ScriptedChatModel model = ScriptedChatModel.of(answer("done"));
    RunResult r = orchestrator(model, FakeKernel.echo()).ask("say done", AgentListener.NONE);

    assertThat(r.completed()).isTrue();
    assertThat(r.answer()).isEqualTo("done");
    ChatRequest first = model.requests().get(0);
    assertThat(first.toolSpecifications())
        .extracting(ToolSpecification::name)
        .containsExactly("execute_code", "search_tools");
    assertThat(first.messages().get(0)).isInstanceOf(SystemMessage.class);
    assertThat(first.messages().get(1)).isInstanceOf(UserMessage.class);
    int upfront =
        TokenCounter.o200k().request(List.of(first.messages().get(0)), first.toolSpecifications());
    assertThat(upfront).isLessThan(1_000);
  }

  @Test
  void ask_runsCodeInKernelAndFeedsBackItsOutput() {
    FakeKernel kernel = FakeKernel.echo();
    ScriptedChatModel model =
        ScriptedChatModel.of(code("int x = 40 + 2;\nSystem.out.println(x);"), answer("42"));

    RunResult r = orchestrator(model, kernel).ask("compute", AgentListener.NONE);

    assertThat(r.outcome()).isEqualTo(RunResult.Outcome.COMPLETED);
    assertThat(kernel.cells).containsExactly("int x = 40 + 2;\nSystem.out.println(x);");
    List<ToolExecutionResultMessage> fed = results(model.requests().get(1));
    assertThat(fed).hasSize(1);
    assertThat(fed.get(0).text()).startsWith("ok (").contains("ran: int x = 40 + 2;");
    assertThat(r.requests()).isEqualTo(2);
  }

  @Test
  void ask_handlesSeveralToolCallsInOneTurnInOrder() {
    FakeKernel kernel = FakeKernel.echo();
    AiMessage multi =
        AiMessage.from(
            List.of(
                call("execute_code", JSON.createObjectNode().put("code", "var a = 1;")),
                call("search_tools", JSON.createObjectNode().put("query", "summarise text")),
                call("execute_code", JSON.createObjectNode().put("code", "var b = 2;"))));
    ScriptedChatModel model = ScriptedChatModel.of(multi, answer("ok"));

    orchestrator(model, kernel).ask("t", AgentListener.NONE);

    assertThat(kernel.cells).containsExactly("var a = 1;", "var b = 2;");
    List<ToolExecutionResultMessage> fed = results(model.requests().get(1));
    assertThat(fed)
        .extracting(ToolExecutionResultMessage::id)
        .containsExactly(
            multi.toolExecutionRequests().get(0).id(),
            multi.toolExecutionRequests().get(1).id(),
            multi.toolExecutionRequests().get(2).id());
    assertThat(fed.get(1).text())
        .contains("summarizer")
        .contains("Summarises text for summarise text");
  }

  @Test
  void ask_turnsFailingToolsIntoErrorResultsTheModelSees() {
    FakeKernel kernel =
        new FakeKernel(
            c -> {
              throw new OrcaException("kernel channel broke", true, null);
            });
    AiMessage bad =
        AiMessage.from(
            List.of(
                call("execute_code", JSON.createObjectNode().put("code", "x()")),
                call("execute_code", "{not json"),
                call("delete_everything", "{}"),
                call("execute_code", "{}")));
    ScriptedChatModel model = ScriptedChatModel.of(bad, answer("recovered"));

    RunResult r = orchestrator(model, kernel).ask("t", AgentListener.NONE);

    assertThat(r.completed()).isTrue();
    List<ToolExecutionResultMessage> fed = results(model.requests().get(1));
    assertThat(fed).hasSize(4).allSatisfy(t -> assertThat(t.isError()).isTrue());
    assertThat(fed.get(0).text()).contains("kernel channel broke");
    assertThat(fed.get(1).text()).contains("not valid JSON");
    assertThat(fed.get(2).text()).contains("no tool named 'delete_everything'");
    assertThat(fed.get(3).text()).contains("non-empty \"code\"");
  }

  @Test
  void ask_stopsAtStepLimitWithClearMessage() {
    List<Function<ChatRequest, AiMessage>> forever = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      forever.add(req -> code("loop();"));
    }
    ScriptedChatModel model = ScriptedChatModel.ofSteps(forever);
    FakeKernel kernel = FakeKernel.echo();
    kernel.variables.add(new VariableInfo("rows", "List<String>", "size 3"));

    RunResult r =
        orchestrator(model, kernel, AgentConfig.DEFAULTS.withMaxSteps(3))
            .ask("t", AgentListener.NONE);

    assertThat(r.outcome()).isEqualTo(RunResult.Outcome.STEP_LIMIT);
    assertThat(model.requests()).hasSize(3);
    assertThat(r.answer()).contains("3 steps").contains("--max-steps").contains("rows");
  }

  @Test
  void ask_stopsAtWallClockLimit() {
    List<Function<ChatRequest, AiMessage>> forever = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      forever.add(req -> code("slow();"));
    }
    FakeKernel kernel =
        new FakeKernel(
            c -> {
              try {
                Thread.sleep(40);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return FakeKernel.ok("", null);
            });
    RunResult r =
        orchestrator(
                ScriptedChatModel.ofSteps(forever),
                kernel,
                AgentConfig.DEFAULTS.withMaxDuration(Duration.ofMillis(100)))
            .ask("t", AgentListener.NONE);

    assertThat(r.outcome()).isEqualTo(RunResult.Outcome.TIME_LIMIT);
    assertThat(r.answer()).contains("time limit");
    assertThat(r.requests()).isBetween(1, 10);
  }

  @Test
  void ask_reportsModelFailureAndRethrowsConfigurationErrors() {
    ScriptedChatModel none = ScriptedChatModel.of();
    RunResult r = orchestrator(none, FakeKernel.echo()).ask("t", AgentListener.NONE);
    assertThat(r.outcome()).isEqualTo(RunResult.Outcome.MODEL_FAILED);
    assertThat(r.answer()).contains("no answer for request 1");

    Orchestrator o =
        Orchestrator.builder()
            .model(
                ModelClient.blocking(
                    new dev.langchain4j.model.chat.ChatModel() {
                      @Override
                      public dev.langchain4j.model.chat.response.ChatResponse chat(
                          ChatRequest request) {
                        throw new ConfigurationException("bad key", null);
                      }
                    },
                    "p",
                    "m"))
            .kernel(FakeKernel.echo())
            .build();
    assertThatThrownBy(() -> o.ask("t", AgentListener.NONE))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void ask_accountsProviderUsageOrEstimatesIt() {
    ScriptedChatModel withUsage = ScriptedChatModel.of(code("1"), answer("a"));
    RunResult a = orchestrator(withUsage, FakeKernel.echo()).ask("t", AgentListener.NONE);
    assertThat(a.anyEstimated()).isFalse();
    assertThat(a.turns()).allSatisfy(t -> assertThat(t.inputTokens()).isPositive());

    ScriptedChatModel noUsage = ScriptedChatModel.of(code("1"), answer("a")).withoutUsage();
    RunResult b = orchestrator(noUsage, FakeKernel.echo()).ask("t", AgentListener.NONE);
    assertThat(b.turns()).allSatisfy(t -> assertThat(t.estimated()).isTrue());
    assertThat(b.turns().get(0).inputTokens()).isEqualTo(b.turns().get(0).requestTokensEstimate());
    assertThat(b.outputTokens()).isPositive();
  }

  @Test
  void ask_recordsEveryTurnInTheLedgerAndSurvivesLedgerFailures() {
    List<TurnUsage> recorded = new ArrayList<>();
    ScriptedChatModel model = ScriptedChatModel.of(code("1"), code("2"), answer("a"));
    Orchestrator o =
        Orchestrator.builder()
            .model(ModelClient.blocking(model, "scripted", "m"))
            .kernel(FakeKernel.echo())
            .ledger(
                (turn, provider, name) -> {
                  recorded.add(turn);
                  throw new IllegalStateException("disk full");
                })
            .build();

    RunResult r = o.ask("t", AgentListener.NONE);

    assertThat(r.completed()).isTrue();
    assertThat(recorded).extracting(TurnUsage::step).containsExactly(1, 2, 3);
    assertThat(o.sessionInputTokens()).isEqualTo(r.inputTokens());
  }

  @Test
  void ask_boundsLargeOutputsAndSaysHowToSeeMore() {
    String huge = "x".repeat(50_000);
    FakeKernel kernel =
        new FakeKernel(
            c ->
                new dev.orca.kernel.ExecutionResult.Success(
                    null, null, false, new Output(huge, "", true, false), Duration.ofMillis(1)));
    ScriptedChatModel model = ScriptedChatModel.of(code("print()"), answer("a"));

    orchestrator(model, kernel).ask("t", AgentListener.NONE);

    String fed = results(model.requests().get(1)).get(0).text();
    assertThat(fed.length()).isLessThan(AgentConfig.DEFAULTS.toolResultChars() + 400);
    assertThat(fed).contains("inspectVariable");
  }

  @Test
  void ask_longSessionStaysWithinBudgetAndSummarisesVariables() {
    int steps = 200;
    List<Function<ChatRequest, AiMessage>> script = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      int n = i;
      script.add(
          req -> code("var v" + n + " = compute(" + n + ");\nSystem.out.println(v" + n + ");"));
    }
    script.add(req -> answer("all done"));
    FakeKernel kernel = new FakeKernel(c -> FakeKernel.ok("y".repeat(1_500) + "\n", null));
    kernel.variables.add(new VariableInfo("transcripts", "List<String>", "size 100"));
    ScriptedChatModel model = ScriptedChatModel.ofSteps(script);
    AgentConfig config = AgentConfig.DEFAULTS.withMaxSteps(500);

    RunResult r = orchestrator(model, kernel, config).ask("long task", AgentListener.NONE);

    assertThat(r.completed()).isTrue();
    assertThat(r.compactions()).isPositive();
    assertThat(r.largestRequest()).isLessThanOrEqualTo(config.contextBudgetTokens() + 1_000);
    ChatRequest last = model.requests().get(steps);
    String head = ((UserMessage) last.messages().get(1)).singleText();
    assertThat(head)
        .contains("compacted")
        .contains("transcripts (List<String>)")
        .contains("long task");
    assertToolResultsFollowTheirCalls(last);
  }

  @Test
  void ask_chatKeepsConversationAcrossRequests() {
    ScriptedChatModel model = ScriptedChatModel.of(answer("first"), answer("second"));
    Orchestrator o = orchestrator(model, FakeKernel.echo());
    o.ask("one", AgentListener.NONE);
    o.ask("two", AgentListener.NONE);
    List<ChatMessage> msgs = model.requests().get(1).messages();
    assertThat(msgs).hasSize(4);
    assertThat(((AiMessage) msgs.get(2)).text()).isEqualTo("first");
    assertThat(o.sessionTurns()).hasSize(2);
  }

  @Test
  void cancel_stopsTheRunningRequest() {
    Orchestrator[] holder = new Orchestrator[1];
    FakeKernel kernel =
        new FakeKernel(
            c -> {
              holder[0].cancel();
              return FakeKernel.ok("", null);
            });
    ScriptedChatModel model = ScriptedChatModel.of(code("a"), code("b"), answer("x"));
    holder[0] = orchestrator(model, kernel);

    RunResult r = holder[0].ask("t", AgentListener.NONE);

    assertThat(r.outcome()).isEqualTo(RunResult.Outcome.CANCELLED);
    assertThat(kernel.cells).containsExactly("a");
    assertThat(kernel.interrupts).isEqualTo(1);
  }

  static void assertToolResultsFollowTheirCalls(ChatRequest r) {
    List<String> open = new ArrayList<>();
    boolean sawUser = false;
    for (ChatMessage m : r.messages()) {
      if (m instanceof UserMessage) {
        sawUser = true;
      } else if (m instanceof AiMessage a) {
        assertThat(sawUser).as("a user message comes before the first AI message").isTrue();
        assertThat(open).as("every call was answered before the next AI message").isEmpty();
        a.toolExecutionRequests().forEach(t -> open.add(t.id()));
      } else if (m instanceof ToolExecutionResultMessage t) {
        assertThat(open).contains(t.id());
        open.remove(t.id());
      }
    }
  }

  @Test
  void search_isAnsweredThroughTheBridge() {
    ScriptedChatModel model = ScriptedChatModel.of(search("summarise transcripts"), answer("a"));
    orchestrator(model, FakeKernel.echo()).ask("t", AgentListener.NONE);
    String fed = results(model.requests().get(1)).get(0).text();
    assertThat(fed).contains("summarizer [agent]").contains("callSubagent");
  }
}
