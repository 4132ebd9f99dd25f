package dev.orca.agent.subagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Inspection;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelInfo;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.Output;
import dev.orca.kernel.RestoreReport;
import dev.orca.kernel.VariableInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CodeRunningAgentTest {

  /** A kernel double that evaluates nothing: it echoes the code it got and records closing. */
  static final class EchoKernel implements Kernel {
    final List<String> cells = new ArrayList<>();
    boolean closed;

    @Override
    public ExecutionResult execute(String code, Duration timeout) {
      cells.add(code);
      return new ExecutionResult.Success(
          "42", "int", false, new Output("ran: " + code + "\n", "", false, false), Duration.ZERO);
    }

    @Override
    public List<VariableInfo> variables() {
      return List.of();
    }

    @Override
    public Inspection inspect(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> complete(String code, int cursor) {
      return List.of();
    }

    @Override
    public boolean isComplete(String code) {
      return true;
    }

    @Override
    public void interrupt() {}

    @Override
    public RestoreReport restart() {
      return RestoreReport.NOTHING;
    }

    @Override
    public KernelSnapshot snapshot() {
      throw new UnsupportedOperationException();
    }

    @Override
    public RestoreReport restore(KernelSnapshot snapshot) {
      throw new UnsupportedOperationException();
    }

    @Override
    public KernelInfo info() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void call_agentWithExecuteCode_getsItsOwnKernelClosedAfterTheCall() {
    SubagentRegistry registry = new SubagentRegistry();
    registry.register(
        new SubagentSpec(
            "calculator",
            "Computes with code.",
            "Use execute_code to compute, then answer with the number.",
            "default",
            List.of(SubagentTools.EXECUTE_CODE),
            4000,
            200,
            OutputFormat.text(),
            Chunking.NONE,
            "test"));
    List<EchoKernel> kernels = new CopyOnWriteArrayList<>();
    ScriptedChatModel model =
        new ScriptedChatModel(
            request -> {
              boolean hasToolResult =
                  request.messages().stream()
                      .anyMatch(m -> m instanceof ToolExecutionResultMessage);
              if (!hasToolResult) {
                return AiMessage.from(
                    ToolExecutionRequest.builder()
                        .id("t1")
                        .name("execute_code")
                        .arguments("{\"code\":\"6 * 7\"}")
                        .build());
              }
              return "The answer is 42.";
            });
    SubagentRunner runner =
        SubagentRunner.builder()
            .registry(registry)
            .models(ModelResolver.always(model))
            .kernels(
                () -> {
                  EchoKernel k = new EchoKernel();
                  kernels.add(k);
                  return k;
                })
            .build();

    SubagentResult first = runner.call("calculator", null, "what is 6 times 7?");
    runner.call("calculator", null, "again");

    assertThat(first.text()).isEqualTo("The answer is 42.");
    assertThat(kernels).hasSize(2);
    assertThat(kernels).allSatisfy(k -> assertThat(k.closed).isTrue());
    assertThat(kernels.get(0).cells).containsExactly("6 * 7");
    assertThat(model.requests().get(0).toolSpecifications())
        .extracting(spec -> spec.name())
        .containsExactly("execute_code");
    ToolExecutionResultMessage toolResult =
        (ToolExecutionResultMessage) model.requests().get(1).messages().get(3);
    assertThat(toolResult.text()).contains("ran: 6 * 7").contains("[value] 42");
  }

  @Test
  void call_agentWithoutKernels_toolErrorShownToAgentNotThrown() {
    SubagentRegistry registry = new SubagentRegistry();
    registry.register(
        new SubagentSpec(
            "calculator",
            "Computes with code.",
            "Use execute_code.",
            "default",
            List.of(SubagentTools.EXECUTE_CODE),
            4000,
            200,
            OutputFormat.text(),
            Chunking.NONE,
            "test"));
    ScriptedChatModel model =
        new ScriptedChatModel(
            request ->
                request.messages().size() == 2
                    ? AiMessage.from(
                        ToolExecutionRequest.builder()
                            .id("t1")
                            .name("execute_code")
                            .arguments("{\"code\":\"1\"}")
                            .build())
                    : "could not compute");
    SubagentRunner runner =
        SubagentRunner.builder().registry(registry).models(ModelResolver.always(model)).build();
    assertThat(runner.call("calculator", null, "x").text()).isEqualTo("could not compute");
    ToolExecutionResultMessage toolResult =
        (ToolExecutionResultMessage) model.requests().get(1).messages().get(3);
    assertThat(toolResult.text()).startsWith("Error: ").contains("starts no kernels");
  }
}
