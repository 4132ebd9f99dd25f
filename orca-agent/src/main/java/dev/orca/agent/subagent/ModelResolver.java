package dev.orca.agent.subagent;

import dev.langchain4j.model.chat.ChatModel;

/**
 * Turns a sub-agent's model reference into a LangChain4j {@link ChatModel}: {@code "default"} is
 * the orchestrator's model, {@code provider:name} another one (the orchestrator's model factory
 * builds it). Implementations should cache models: a fan-out asks once per item.
 */
@FunctionalInterface
public interface ModelResolver {

  /**
   * Resolves a model reference.
   *
   * @param modelRef {@code "default"} or {@code provider:name}
   * @return the model, shared and thread-safe
   * @throws dev.orca.core.OrcaException (a {@link dev.orca.core.ConfigurationException}) when the
   *     reference names no usable model; the message says how to configure one
   */
  ChatModel resolve(String modelRef);

  /**
   * A resolver that answers every reference with the same model (tests, benchmarks, one-model
   * set-ups).
   */
  static ModelResolver always(ChatModel model) {
    return ref -> model;
  }
}
