package dev.orca.agent;

import dev.langchain4j.data.message.ChatMessage;
import java.util.List;

/**
 * Where the orchestrator hands the messages of each request once it ended (the chat keeps them in
 * its session's {@code conversation.jsonl}, see {@link dev.orca.agent.chat.ConversationLog}): the
 * user's message, the model's answers and tool calls, and the tool results exactly as the model saw
 * them. Handing over whole requests keeps what is kept well formed (every tool call has its result)
 * and loses at most the request in progress when the process dies.
 */
@FunctionalInterface
public interface Transcript {

  /** Keeps nothing. */
  Transcript NONE = messages -> {};

  /**
   * Keeps the messages one request added to the conversation. Called on the thread that ran the
   * request, after it ended (answered, stopped, or failed). What it throws is ignored: bookkeeping
   * never ends a chat.
   *
   * @param messages the request's messages, in order (never empty)
   */
  void append(List<ChatMessage> messages);
}
