package dev.orca.agent.subagent.internal;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The sub-agents' view of Orca's token ruler: counts come from the orchestrator's shared {@link
 * dev.orca.agent.context.TokenCounter} (jtokkit {@code o200k_base}), so budgets, accounting and
 * benchmarks of the orchestrator and of sub-agents use the same estimate. Adds cutting a text into
 * pieces of bounded size. Thread-safe.
 */
public final class TokenCounter {

  /** Tokens a chat format adds per message (role markers). */
  public static final int PER_MESSAGE = dev.orca.agent.context.TokenCounter.PER_MESSAGE_OVERHEAD;

  /** Tokens a chat format adds per request (reply priming). */
  public static final int PER_REQUEST = 3;

  private static final TokenCounter INSTANCE = new TokenCounter();

  private final dev.orca.agent.context.TokenCounter ruler =
      dev.orca.agent.context.TokenCounter.o200k();

  private TokenCounter() {}

  /** The shared counter. */
  public static TokenCounter get() {
    return INSTANCE;
  }

  /** Tokens of a text. */
  public int count(String text) {
    return ruler.count(text);
  }

  /** Tokens of a whole request: messages, their framing, and the tool definitions. */
  public int count(List<ChatMessage> messages, List<ToolSpecification> tools) {
    return ruler.request(messages, tools);
  }

  /** Tokens of one tool definition as providers receive it. */
  public int count(ToolSpecification tool) {
    return ruler.count(tool);
  }

  /**
   * Cuts a text into pieces of at most {@code maxTokens} tokens each (at character boundaries,
   * never inside a surrogate pair).
   *
   * @param text the text
   * @param maxTokens tokens per piece, at least 1
   * @return the pieces, in order
   */
  public List<String> splitByTokens(String text, int maxTokens) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int length = Math.min(text.length() - start, Math.max(1, maxTokens * 3));
      while (length > 1 && count(text.substring(start, start + length)) > maxTokens) {
        length = Math.max(1, length * 3 / 4);
      }
      int end = start + length;
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1)) && length > 1) {
        end--;
      }
      pieces.add(text.substring(start, end));
      start = end;
    }
    return pieces;
  }
}
