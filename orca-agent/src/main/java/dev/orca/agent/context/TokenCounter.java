package dev.orca.agent.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates token counts with jtokkit's {@code o200k_base} encoding: the same ruler for Orca, the
 * baseline agent and providers that report no usage. Counts are estimates (each provider tokenizes
 * differently) but consistent, which is what comparisons and budgets need. Thread-safe.
 */
public final class TokenCounter {

  /** Tokens added per message for role and framing, as OpenAI documents for its chat format. */
  public static final int PER_MESSAGE_OVERHEAD = 4;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TokenCounter INSTANCE = new TokenCounter();

  private final Encoding encoding;
  private final Map<ToolSpecification, Integer> toolCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private TokenCounter() {
    this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
  }

  /** The shared counter. */
  public static TokenCounter o200k() {
    return INSTANCE;
  }

  /**
   * Tokens of a text.
   *
   * @param text the text, may be {@code null}
   * @return its token count
   */
  public int count(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    return encoding.countTokensOrdinary(text);
  }

  /**
   * Tokens of one message as sent: its text, tool calls and tool results, plus framing.
   *
   * @param message the message
   * @return the estimate
   */
  public int count(ChatMessage message) {
    int n = PER_MESSAGE_OVERHEAD;
    if (message instanceof SystemMessage s) {
      n += count(s.text());
    } else if (message instanceof UserMessage u) {
      n += u.hasSingleText() ? count(u.singleText()) : count(u.toString());
    } else if (message instanceof AiMessage a) {
      n += output(a);
    } else if (message instanceof ToolExecutionResultMessage t) {
      n += count(t.text()) + count(t.id());
    } else {
      n += count(message.toString());
    }
    return n;
  }

  /**
   * Tokens of the model's answer: its text and the names and arguments of its tool calls.
   *
   * @param message the answer
   * @return the estimate
   */
  public int output(AiMessage message) {
    int n = count(message.text());
    for (ToolExecutionRequest r : message.toolExecutionRequests()) {
      n += count(r.name()) + count(r.arguments()) + count(r.id()) + 3;
    }
    return n;
  }

  /**
   * Tokens of a tool definition as providers receive it: name, description and argument schema as
   * JSON.
   *
   * @param spec the tool
   * @return the estimate
   */
  public int count(ToolSpecification spec) {
    Integer cached = toolCache.get(spec);
    if (cached != null) {
      return cached;
    }
    int n = count(definitionJson(spec));
    if (toolCache.size() > 20_000) {
      toolCache.clear();
    }
    toolCache.put(spec, n);
    return n;
  }

  /**
   * Tokens of a whole request: every message and every tool definition.
   *
   * @param messages the messages
   * @param tools the tools
   * @return the estimate
   */
  public int request(List<ChatMessage> messages, List<ToolSpecification> tools) {
    int n = 3;
    for (ChatMessage m : messages) {
      n += count(m);
    }
    for (ToolSpecification t : tools) {
      n += count(t);
    }
    return n;
  }

  /**
   * A tool definition as JSON: {@code {"name","description","input_schema"}}.
   *
   * @param spec the tool
   * @return compact JSON
   */
  public static String definitionJson(ToolSpecification spec) {
    Map<String, Object> def = new LinkedHashMap<>();
    def.put("name", spec.name());
    def.put("description", spec.description());
    def.put(
        "input_schema",
        spec.parameters() == null ? Map.of() : JsonSchemaElementUtils.toMap(spec.parameters()));
    try {
      return JSON.writeValueAsString(def);
    } catch (JsonProcessingException e) {
      return def.toString();
    }
  }
}
