package dev.orca.agent.provider;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.orca.agent.provider.internal.RetryAfterHttpClientBuilder;
import java.util.Objects;
import java.util.Random;

/**
 * Builds LangChain4j chat models for {@link ModelSettings}: Anthropic, OpenAI (and
 * OpenAI-compatible servers), Ollama and Gemini. Each client's own retries are off; the blocking
 * model is wrapped in a {@link RetryingChatModel} so that Orca decides when to retry (honouring
 * {@code retry-after}), and requests and responses are never logged (they carry the key in a
 * header).
 */
public final class ModelFactory {

  /** Anthropic's default endpoint. */
  public static final String ANTHROPIC_URL = "https://api.anthropic.com/v1/";

  /** Ollama's default endpoint. */
  public static final String OLLAMA_URL = "http://localhost:11434";

  private final Sleeper sleeper;
  private final Retrier.Listener retryListener;

  /** A factory that sleeps for real between retries and reports nothing. */
  public ModelFactory() {
    this(Sleeper.SYSTEM, Retrier.Listener.NONE);
  }

  /**
   * Creates a factory.
   *
   * @param sleeper how retries wait
   * @param retryListener told about each retry (progress output)
   */
  public ModelFactory(Sleeper sleeper, Retrier.Listener retryListener) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.retryListener = Objects.requireNonNull(retryListener, "retryListener");
  }

  /** The retrier used for models built with these settings. */
  public Retrier retrier(ModelSettings s) {
    return new Retrier(s, sleeper, new Random(), retryListener);
  }

  /**
   * A blocking chat model with Orca's retries.
   *
   * @param s the settings
   * @return the model
   */
  public ChatModel chatModel(ModelSettings s) {
    return new RetryingChatModel(rawChatModel(s), retrier(s));
  }

  /**
   * A blocking chat model without Orca's retries (the client's own are off too).
   *
   * @param s the settings
   * @return the model
   */
  public ChatModel rawChatModel(ModelSettings s) {
    String key = s.apiKey() == null ? "none" : s.apiKey();
    switch (s.provider()) {
      case ANTHROPIC:
        return AnthropicChatModel.builder()
            .httpClientBuilder(new RetryAfterHttpClientBuilder())
            .baseUrl(s.baseUrl() == null ? ANTHROPIC_URL : s.baseUrl())
            .apiKey(key)
            .modelName(s.modelName())
            .maxTokens(s.maxOutputTokens())
            .timeout(s.timeout())
            .maxRetries(0)
            .logRequests(false)
            .logResponses(false)
            .build();
      case OPENAI:
        OpenAiChatModel.OpenAiChatModelBuilder openai =
            OpenAiChatModel.builder()
                .httpClientBuilder(new RetryAfterHttpClientBuilder())
                .apiKey(key)
                .modelName(s.modelName())
                .timeout(s.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false);
        if (s.baseUrl() == null) {
          openai.maxCompletionTokens(s.maxOutputTokens());
        } else {
          openai.baseUrl(s.baseUrl()).maxTokens(s.maxOutputTokens());
        }
        return openai.build();
      case OLLAMA:
        return OllamaChatModel.builder()
            .httpClientBuilder(new RetryAfterHttpClientBuilder())
            .baseUrl(s.baseUrl() == null ? OLLAMA_URL : s.baseUrl())
            .modelName(s.modelName())
            .numPredict(s.maxOutputTokens())
            .timeout(s.timeout())
            .maxRetries(0)
            .logRequests(false)
            .logResponses(false)
            .build();
      case GEMINI:
        GoogleAiGeminiChatModel.GoogleAiGeminiChatModelBuilder gemini =
            GoogleAiGeminiChatModel.builder()
                .httpClientBuilder(new RetryAfterHttpClientBuilder())
                .apiKey(key)
                .modelName(s.modelName())
                .maxOutputTokens(s.maxOutputTokens())
                .timeout(s.timeout())
                .maxRetries(0)
                .logRequestsAndResponses(false);
        if (s.baseUrl() != null) {
          gemini.baseUrl(s.baseUrl());
        }
        return gemini.build();
      default:
        throw new IllegalStateException("unknown provider " + s.provider());
    }
  }

  /**
   * A streaming chat model (every supported provider streams). Callers retry failures that happen
   * before the first token with {@link #retrier(ModelSettings)}.
   *
   * @param s the settings
   * @return the model
   */
  public StreamingChatModel streamingModel(ModelSettings s) {
    String key = s.apiKey() == null ? "none" : s.apiKey();
    switch (s.provider()) {
      case ANTHROPIC:
        return AnthropicStreamingChatModel.builder()
            .httpClientBuilder(new RetryAfterHttpClientBuilder())
            .baseUrl(s.baseUrl() == null ? ANTHROPIC_URL : s.baseUrl())
            .apiKey(key)
            .modelName(s.modelName())
            .maxTokens(s.maxOutputTokens())
            .timeout(s.timeout())
            .logRequests(false)
            .logResponses(false)
            .build();
      case OPENAI:
        OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder openai =
            OpenAiStreamingChatModel.builder()
                .httpClientBuilder(new RetryAfterHttpClientBuilder())
                .apiKey(key)
                .modelName(s.modelName())
                .timeout(s.timeout())
                .logRequests(false)
                .logResponses(false);
        if (s.baseUrl() == null) {
          openai.maxCompletionTokens(s.maxOutputTokens());
        } else {
          openai.baseUrl(s.baseUrl()).maxTokens(s.maxOutputTokens());
        }
        return openai.build();
      case OLLAMA:
        return OllamaStreamingChatModel.builder()
            .httpClientBuilder(new RetryAfterHttpClientBuilder())
            .baseUrl(s.baseUrl() == null ? OLLAMA_URL : s.baseUrl())
            .modelName(s.modelName())
            .numPredict(s.maxOutputTokens())
            .timeout(s.timeout())
            .logRequests(false)
            .logResponses(false)
            .build();
      case GEMINI:
        GoogleAiGeminiStreamingChatModel.GoogleAiGeminiStreamingChatModelBuilder gemini =
            GoogleAiGeminiStreamingChatModel.builder()
                .httpClientBuilder(new RetryAfterHttpClientBuilder())
                .apiKey(key)
                .modelName(s.modelName())
                .maxOutputTokens(s.maxOutputTokens())
                .timeout(s.timeout())
                .logRequestsAndResponses(false);
        if (s.baseUrl() != null) {
          gemini.baseUrl(s.baseUrl());
        }
        return gemini.build();
      default:
        throw new IllegalStateException("unknown provider " + s.provider());
    }
  }
}
