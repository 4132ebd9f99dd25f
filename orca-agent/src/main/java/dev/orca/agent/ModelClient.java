package dev.orca.agent;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.orca.agent.provider.ProviderFailure;
import dev.orca.agent.provider.Retrier;
import dev.orca.core.OrcaException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The orchestrator's view of a model: one request in, one complete answer out, with answer text
 * streamed to a consumer when the model streams.
 */
public interface ModelClient {

  /**
   * Sends a request.
   *
   * @param request the request
   * @param partialText receives answer text as it streams (called only when {@link #streams()})
   * @return the complete answer
   * @throws OrcaException when the model fails for good (after retries)
   */
  ChatResponse chat(ChatRequest request, Consumer<String> partialText);

  /** Whether answer text is streamed to the consumer of {@link #chat}. */
  boolean streams();

  /** The provider's name, e.g. {@code anthropic}. */
  String provider();

  /** The model's name. */
  String modelName();

  /**
   * A blocking model (retries are the model's business: use a {@link
   * dev.orca.agent.provider.RetryingChatModel} for real providers).
   *
   * @param model the model
   * @param provider the provider's name
   * @param modelName the model's name
   * @return the client
   */
  static ModelClient blocking(ChatModel model, String provider, String modelName) {
    Objects.requireNonNull(model, "model");
    return new ModelClient() {
      @Override
      public ChatResponse chat(ChatRequest request, Consumer<String> partialText) {
        return model.chat(request);
      }

      @Override
      public boolean streams() {
        return false;
      }

      @Override
      public String provider() {
        return provider;
      }

      @Override
      public String modelName() {
        return modelName;
      }
    };
  }

  /**
   * A streaming model. Failures before the first streamed text are retried under {@code retrier}; a
   * stream that breaks off after text arrived is not (the text was already shown).
   *
   * @param model the model
   * @param retrier the retry rules
   * @param provider the provider's name
   * @param modelName the model's name
   * @return the client
   */
  static ModelClient streaming(
      StreamingChatModel model, Retrier retrier, String provider, String modelName) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(retrier, "retrier");
    return new ModelClient() {
      @Override
      public ChatResponse chat(ChatRequest request, Consumer<String> partialText) {
        return retrier.call(() -> once(request, partialText));
      }

      private ChatResponse once(ChatRequest request, Consumer<String> partialText) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicBoolean started = new AtomicBoolean();
        model.chat(
            request,
            new StreamingChatResponseHandler() {
              @Override
              public void onPartialResponse(String text) {
                started.set(true);
                partialText.accept(text);
              }

              @Override
              public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
              }

              @Override
              public void onError(Throwable error) {
                done.completeExceptionally(error);
              }
            });
        try {
          return done.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new OrcaException("Stopped while waiting for the model.", false, e);
        } catch (ExecutionException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          if (started.get()) {
            throw new OrcaException(
                "The model's answer broke off: " + ProviderFailure.classify(cause).detail(),
                true,
                null);
          }
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          throw new OrcaException("The model call failed: " + cause, true, null);
        }
      }

      @Override
      public boolean streams() {
        return true;
      }

      @Override
      public String provider() {
        return provider;
      }

      @Override
      public String modelName() {
        return modelName;
      }
    };
  }
}
