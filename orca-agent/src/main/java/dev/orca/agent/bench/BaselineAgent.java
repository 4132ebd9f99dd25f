package dev.orca.agent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.orca.agent.RunResult;
import dev.orca.agent.TurnUsage;
import dev.orca.agent.context.TokenCounter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A traditional tool-calling agent, for comparison: every tool definition is sent with every
 * request, and every tool result goes back through the context verbatim. No code, no kernel, no
 * compaction. Only the context benchmark uses it.
 */
public final class BaselineAgent {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The baseline's system prompt: what such agents typically say. */
  public static final String SYSTEM =
      "You are a helpful assistant with access to tools. Call tools to gather the information you"
          + " need, then answer the user's request.";

  private final ChatModel model;
  private final List<ToolSpecification> tools;
  private final Map<String, Function<JsonNode, String>> handlers;
  private final int maxSteps;

  /**
   * Creates the agent.
   *
   * @param model the model
   * @param tools every tool definition, sent upfront with every request
   * @param handlers implementations of the tools it can actually run, by provider name
   * @param maxSteps the most model turns
   */
  public BaselineAgent(
      ChatModel model,
      List<ToolSpecification> tools,
      Map<String, Function<JsonNode, String>> handlers,
      int maxSteps) {
    this.model = Objects.requireNonNull(model, "model");
    this.tools = List.copyOf(tools);
    this.handlers = Map.copyOf(handlers);
    this.maxSteps = maxSteps;
  }

  /**
   * Runs a task to its answer.
   *
   * @param task the task
   * @return the answer and per-turn accounting
   */
  public RunResult run(String task) {
    long start = System.nanoTime();
    TokenCounter counter = TokenCounter.o200k();
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(SYSTEM));
    messages.add(UserMessage.from(task));
    List<TurnUsage> turns = new ArrayList<>();
    for (int step = 1; step <= maxSteps; step++) {
      long modelStart = System.nanoTime();
      ChatResponse response =
          model.chat(ChatRequest.builder().messages(messages).toolSpecifications(tools).build());
      Duration latency = Duration.ofNanos(System.nanoTime() - modelStart);
      AiMessage ai = response.aiMessage();
      messages.add(ai);
      long toolStart = System.nanoTime();
      List<String> called = new ArrayList<>();
      for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
        called.add(call.name());
        messages.add(ToolExecutionResultMessage.from(call, runTool(call)));
      }
      Duration toolTime = Duration.ofNanos(System.nanoTime() - toolStart);
      TokenUsage u = response.tokenUsage();
      boolean estimated = u == null || u.inputTokenCount() == null;
      long in = estimated ? 0 : u.inputTokenCount();
      long out = estimated ? counter.output(ai) : u.outputTokenCount();
      turns.add(
          new TurnUsage(
              step,
              in,
              out,
              estimated,
              (int) Math.min(Integer.MAX_VALUE, in),
              latency,
              toolTime,
              Duration.ZERO,
              called));
      if (!ai.hasToolExecutionRequests()) {
        return new RunResult(
            RunResult.Outcome.COMPLETED,
            ai.text() == null ? "" : ai.text(),
            turns,
            Duration.ofNanos(System.nanoTime() - start),
            0);
      }
    }
    return new RunResult(
        RunResult.Outcome.STEP_LIMIT,
        "step limit",
        turns,
        Duration.ofNanos(System.nanoTime() - start),
        0);
  }

  private String runTool(ToolExecutionRequest call) {
    Function<JsonNode, String> h = handlers.get(call.name());
    if (h == null) {
      return "error: tool " + call.name() + " is not connected in this benchmark";
    }
    try {
      return h.apply(JSON.readTree(call.arguments()));
    } catch (IOException | RuntimeException e) {
      return "error: " + e.getMessage();
    }
  }
}
