package dev.orca.agent.provider;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link ChatModel} that retries its delegate's transient failures under Orca's {@link Retrier}
 * (the delegate's own retries are switched off by {@link ModelFactory}).
 */
public final class RetryingChatModel implements ChatModel {
  private final ChatModel delegate;
  private final Retrier retrier;

  /**
   * Wraps a model.
   *
   * @param delegate the provider's model, built with no retries of its own
   * @param retrier the retry rules
   */
  public RetryingChatModel(ChatModel delegate, Retrier retrier) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.retrier = Objects.requireNonNull(retrier, "retrier");
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return retrier.call(() -> delegate.chat(request));
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return delegate.defaultRequestParameters();
  }

  @Override
  public ModelProvider provider() {
    return delegate.provider();
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return delegate.supportedCapabilities();
  }
}
