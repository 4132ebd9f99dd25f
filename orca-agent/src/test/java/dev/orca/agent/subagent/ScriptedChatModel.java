package dev.orca.agent.subagent;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted chat model for offline tests: answers each request with a function of it, records
 * every request it got and the highest number of requests in flight at once.
 */
final class ScriptedChatModel implements ChatModel {

  private final Function<ChatRequest, Object> script;
  private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile long delayMillis;
  private volatile TokenUsage usage = new TokenUsage(11, 7);

  /**
   * @param script returns the answer text, an {@link AiMessage}, or throws
   */
  ScriptedChatModel(Function<ChatRequest, Object> script) {
    this.script = script;
  }

  /** A model that answers every request with the same text. */
  static ScriptedChatModel answering(String text) {
    return new ScriptedChatModel(request -> text);
  }

  ScriptedChatModel delay(long millis) {
    this.delayMillis = millis;
    return this;
  }

  ScriptedChatModel usage(TokenUsage value) {
    this.usage = value;
    return this;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    requests.add(request);
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      Object answer = script.apply(request);
      AiMessage message =
          answer instanceof AiMessage ai ? ai : AiMessage.from(String.valueOf(answer));
      return ChatResponse.builder().aiMessage(message).tokenUsage(usage).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  List<ChatRequest> requests() {
    return List.copyOf(requests);
  }

  int maxInFlight() {
    return maxInFlight.get();
  }
}
