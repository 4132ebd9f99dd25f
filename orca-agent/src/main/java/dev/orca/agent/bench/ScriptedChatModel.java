package dev.orca.agent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.orca.agent.context.TokenCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link ChatModel} that replays a script instead of calling a provider: each request is answered
 * by the next step of the script (a fixed message, or a function of the request so a step can react
 * to tool results). Every request is recorded. Used by offline tests and by {@code orca bench
 * context}, where it plays the model's part so that the rest — the loop, the kernel, the context
 * discipline — is measured for real.
 */
public final class ScriptedChatModel implements ChatModel {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger IDS = new AtomicInteger();

  private final List<Function<ChatRequest, AiMessage>> script;
  private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
  private final boolean reportUsage;
  private final Duration latency;
  private final AtomicInteger next = new AtomicInteger();

  private ScriptedChatModel(
      List<Function<ChatRequest, AiMessage>> script, boolean reportUsage, Duration latency) {
    this.script = List.copyOf(script);
    this.reportUsage = reportUsage;
    this.latency = latency;
  }

  /**
   * A model answering with these messages in order.
   *
   * @param messages one per request
   * @return the model (reports usage counted with o200k, like a provider would)
   */
  public static ScriptedChatModel of(AiMessage... messages) {
    List<Function<ChatRequest, AiMessage>> steps = new ArrayList<>();
    for (AiMessage m : messages) {
      steps.add(r -> m);
    }
    return new ScriptedChatModel(steps, true, Duration.ZERO);
  }

  /**
   * A model answering each request with a function of it.
   *
   * @param steps one per request
   * @return the model
   */
  public static ScriptedChatModel ofSteps(List<Function<ChatRequest, AiMessage>> steps) {
    return new ScriptedChatModel(steps, true, Duration.ZERO);
  }

  /** A copy that reports no token usage (like a provider without usage fields). */
  public ScriptedChatModel withoutUsage() {
    return new ScriptedChatModel(script, false, latency);
  }

  /** A copy that waits this long before each answer (a model's latency). */
  public ScriptedChatModel withLatency(Duration d) {
    return new ScriptedChatModel(script, reportUsage, Objects.requireNonNull(d, "latency"));
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    requests.add(request);
    int i = next.getAndIncrement();
    if (i >= script.size()) {
      throw new IllegalStateException(
          "The scripted model has no answer for request "
              + (i + 1)
              + " (script has "
              + script.size()
              + ")");
    }
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    AiMessage ai = script.get(i).apply(request);
    ChatResponse.Builder b =
        ChatResponse.builder()
            .aiMessage(ai)
            .modelName("scripted")
            .finishReason(
                ai.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP);
    if (reportUsage) {
      TokenCounter c = TokenCounter.o200k();
      b.tokenUsage(
          new TokenUsage(
              c.request(request.messages(), request.toolSpecifications()), c.output(ai)));
    }
    return b.build();
  }

  /** The requests received so far, in order. */
  public List<ChatRequest> requests() {
    return List.copyOf(requests);
  }

  /** How many steps of the script are left. */
  public int remaining() {
    return Math.max(0, script.size() - next.get());
  }

  /**
   * An answer that runs code with {@code execute_code}.
   *
   * @param code the Java code
   * @return the message
   */
  public static AiMessage code(String code) {
    return AiMessage.from(call("execute_code", JSON.createObjectNode().put("code", code)));
  }

  /**
   * An answer that searches with {@code search_tools}.
   *
   * @param query the query
   * @return the message
   */
  public static AiMessage search(String query) {
    return AiMessage.from(call("search_tools", JSON.createObjectNode().put("query", query)));
  }

  /**
   * A final answer.
   *
   * @param text the answer
   * @return the message
   */
  public static AiMessage answer(String text) {
    return AiMessage.from(text);
  }

  /**
   * A tool call with a fresh id.
   *
   * @param tool the tool name
   * @param args its arguments
   * @return the call
   */
  public static ToolExecutionRequest call(String tool, ObjectNode args) {
    return call(tool, args.toString());
  }

  /**
   * A tool call with a fresh id and raw argument text (may be invalid JSON, for tests).
   *
   * @param tool the tool name
   * @param arguments the arguments' text
   * @return the call
   */
  public static ToolExecutionRequest call(String tool, String arguments) {
    return ToolExecutionRequest.builder()
        .id("call_" + IDS.incrementAndGet())
        .name(tool)
        .arguments(arguments)
        .build();
  }
}
