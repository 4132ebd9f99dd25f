package dev.orca.agent.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The orchestrator's conversation under a token budget. Messages are appended as the session goes;
 * when the estimated request grows past the budget, the oldest turns are replaced by a compact
 * summary of what was done (one line per step) and which kernel variables hold what, so that a
 * session of hundreds of steps stays bounded. The data itself lives in the kernel, so nothing is
 * lost that code cannot reach again. Not thread-safe: one orchestrator owns it.
 */
public final class Conversation {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER_MARK = ": the user asked: ";

  private final TokenCounter counter;
  private final SystemMessage system;
  private final List<ToolSpecification> tools;
  private final int fixedTokens;
  private final int budgetTokens;
  private final List<Entry> entries = new ArrayList<>();
  private final List<String> summaryLines = new ArrayList<>();
  private int omittedLines;
  private String variables = "";
  private String pendingRequest;
  private int compactions;
  private int headTokens;
  private int entryTokens;

  private record Entry(ChatMessage message, int step, int tokens) {}

  /**
   * Creates an empty conversation.
   *
   * @param counter the token ruler
   * @param systemPrompt the system prompt
   * @param tools the tool definitions sent with every request
   * @param budgetTokens the estimated request size that triggers compaction
   */
  public Conversation(
      TokenCounter counter, String systemPrompt, List<ToolSpecification> tools, int budgetTokens) {
    this.counter = Objects.requireNonNull(counter, "counter");
    this.system = SystemMessage.from(Objects.requireNonNull(systemPrompt, "systemPrompt"));
    this.tools = List.copyOf(tools);
    if (budgetTokens < 500) {
      throw new IllegalArgumentException("context budget must be at least 500 tokens");
    }
    this.budgetTokens = budgetTokens;
    this.fixedTokens = counter.request(List.of(system), this.tools);
  }

  /** The tool definitions sent with every request. */
  public List<ToolSpecification> tools() {
    return tools;
  }

  /** Appends the user's request. */
  public void addUser(String text, int step) {
    add(UserMessage.from(text), step);
  }

  /** Appends the model's answer. */
  public void addAi(AiMessage message, int step) {
    add(message, step);
  }

  /** Appends a tool result. */
  public void addToolResult(ToolExecutionResultMessage message, int step) {
    add(message, step);
  }

  /**
   * Puts the messages of earlier requests back (a resumed chat), before the first request. Kept are
   * the newest whole requests (each from its user message on) that fit in half the context budget
   * (the size compaction aims for), so the restored conversation is bounded by the same window as a
   * live one; older ones are left out. System messages are skipped (this conversation has its own),
   * and so is a tool call without its results (a damaged file): what is sent stays well formed.
   *
   * @param earlier the messages, oldest first
   * @return how many messages were put back
   * @throws IllegalStateException when this conversation already has messages
   */
  public int restore(List<ChatMessage> earlier) {
    if (!entries.isEmpty() || compactions > 0) {
      throw new IllegalStateException(
          "a conversation can only be restored before its first request");
    }
    List<ChatMessage> valid = wellFormed(earlier);
    int room = budgetTokens / 2 - fixedTokens;
    int tokens = 0;
    int from = valid.size();
    for (int i = valid.size() - 1; i >= 0; i--) {
      tokens += counter.count(valid.get(i));
      if (tokens > room) {
        break;
      }
      if (valid.get(i) instanceof UserMessage) {
        from = i;
      }
    }
    for (int i = from; i < valid.size(); i++) {
      add(valid.get(i), 0);
    }
    return valid.size() - from;
  }

  /**
   * The messages without system messages and without tool calls whose results do not all follow
   * (with the results of such calls).
   */
  private static List<ChatMessage> wellFormed(List<ChatMessage> messages) {
    List<ChatMessage> out = new ArrayList<>();
    int i = 0;
    while (i < messages.size()) {
      ChatMessage m = messages.get(i);
      if (m instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
        int n = ai.toolExecutionRequests().size();
        boolean complete = true;
        for (int k = 0; complete && k < n; k++) {
          complete =
              i + 1 + k < messages.size()
                  && messages.get(i + 1 + k) instanceof ToolExecutionResultMessage t
                  && Objects.equals(t.id(), ai.toolExecutionRequests().get(k).id());
        }
        if (complete) {
          out.addAll(messages.subList(i, i + 1 + n));
          i += 1 + n;
        } else {
          i++;
        }
        while (i < messages.size() && messages.get(i) instanceof ToolExecutionResultMessage) {
          i++; // results without their call
        }
      } else {
        if (m instanceof UserMessage || m instanceof AiMessage) {
          out.add(m);
        }
        i++;
      }
    }
    return out;
  }

  private void add(ChatMessage m, int step) {
    Entry e = new Entry(m, step, counter.count(m));
    entries.add(e);
    entryTokens += e.tokens();
  }

  /** How many times the conversation was compacted. */
  public int compactions() {
    return compactions;
  }

  /** Messages currently kept verbatim (not summarized). */
  public int keptMessages() {
    return entries.size();
  }

  /** The messages of the next request: system prompt, summary (if any), recent turns. */
  public List<ChatMessage> messages() {
    List<ChatMessage> out = new ArrayList<>();
    out.add(system);
    if (summaryLines.isEmpty() && omittedLines == 0 && pendingRequest == null) {
      entries.forEach(e -> out.add(e.message()));
      return out;
    }
    String head = summaryText();
    int from = 0;
    if (pendingRequest == null
        && !entries.isEmpty()
        && entries.get(0).message() instanceof UserMessage u
        && u.hasSingleText()) {
      head = head + "\n\n" + u.singleText();
      from = 1;
    }
    out.add(UserMessage.from(head));
    for (int i = from; i < entries.size(); i++) {
      out.add(entries.get(i).message());
    }
    return out;
  }

  /**
   * The estimated tokens of the next request (messages and tools), from counts cached when each
   * message was added: cheap enough to call every step.
   */
  public int estimateTokens() {
    return fixedTokens + headTokens + entryTokens;
  }

  /**
   * Compacts the oldest turns when the next request would exceed the budget: they are replaced by
   * one summary line per step and the current list of kernel variables, until the request fits in
   * about half the budget (the most recent turn is always kept).
   *
   * @param variablesNow a bounded description of the kernel's variables, asked only when compacting
   * @return what was done, or {@code null} when the request fits
   */
  public Compaction compactIfNeeded(Supplier<String> variablesNow) {
    int before = estimateTokens();
    if (before <= budgetTokens) {
      return null;
    }
    int lastStart = lastUnitStart();
    if (lastStart <= 0) {
      return null;
    }
    int target = budgetTokens / 2;
    int keptTokens = 0;
    for (Entry e : entries) {
      keptTokens += e.tokens();
    }
    int summaryAllowance = Math.max(200, budgetTokens / 4);
    int cut = 0;
    int dropped = 0;
    for (int i = 0; i < lastStart; i++) {
      dropped += entries.get(i).tokens();
      if (isUnitStart(i + 1) && fixedTokens + summaryAllowance + (keptTokens - dropped) <= target) {
        cut = i + 1;
        break;
      }
    }
    if (cut == 0) {
      cut = lastStart;
    }
    List<Entry> removed = new ArrayList<>(entries.subList(0, cut));
    entries.subList(0, cut).clear();
    for (Entry e : removed) {
      entryTokens -= e.tokens();
      describe(e);
    }
    if (!entries.isEmpty() && entries.get(0).message() instanceof UserMessage) {
      pendingRequest = null;
    }
    variables = Objects.requireNonNullElse(variablesNow.get(), "");
    int summaryBudget = summaryAllowance - counter.count(variables) - counter.count(pendingRequest);
    int allowed = Math.max(100, summaryBudget);
    while (summaryLines.size() > 1 && counter.count(String.join("\n", summaryLines)) > allowed) {
      int drop = 0;
      while (drop < summaryLines.size() - 1 && summaryLines.get(drop).contains(USER_MARK)) {
        drop++;
      }
      summaryLines.remove(drop);
      omittedLines++;
    }
    compactions++;
    headTokens = counter.count(summaryText()) + TokenCounter.PER_MESSAGE_OVERHEAD;
    return new Compaction(removed.size(), before, estimateTokens());
  }

  private boolean isUnitStart(int i) {
    if (i >= entries.size()) {
      return false;
    }
    ChatMessage m = entries.get(i).message();
    return m instanceof UserMessage || m instanceof AiMessage;
  }

  private int lastUnitStart() {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (isUnitStart(i)) {
        return i;
      }
    }
    return -1;
  }

  private void describe(Entry e) {
    ChatMessage m = e.message();
    if (m instanceof UserMessage u) {
      String text = u.hasSingleText() ? u.singleText() : u.toString();
      pendingRequest = clip(text, 2000);
      summaryLines.add("step " + e.step() + USER_MARK + oneLine(text, 160));
    } else if (m instanceof AiMessage a) {
      if (a.text() != null && !a.text().isBlank()) {
        String verb = a.hasToolExecutionRequests() ? "you noted" : "you answered";
        summaryLines.add("step " + e.step() + ": " + verb + ": " + oneLine(a.text(), 160));
      }
      for (ToolExecutionRequest r : a.toolExecutionRequests()) {
        summaryLines.add("step " + e.step() + ": " + r.name() + " " + argumentPreview(r));
      }
    } else if (m instanceof ToolExecutionResultMessage t) {
      int last = summaryLines.size() - 1;
      String line = last >= 0 ? summaryLines.get(last) : "step " + e.step() + ":";
      String result = oneLine(t.text(), 80);
      line = line + " -> " + result;
      if (last >= 0) {
        summaryLines.set(last, line);
      } else {
        summaryLines.add(line);
      }
    }
  }

  private static String argumentPreview(ToolExecutionRequest r) {
    String args = r.arguments() == null ? "" : r.arguments();
    try {
      JsonNode node = JSON.readTree(args);
      if (node != null && node.hasNonNull("code")) {
        String code = node.get("code").asText();
        int lines = code.split("\n", -1).length;
        return "`" + oneLine(code, 140) + "`" + (lines > 1 ? " (" + lines + " lines)" : "");
      }
      if (node != null && node.hasNonNull("query")) {
        return "\"" + oneLine(node.get("query").asText(), 100) + "\"";
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not JSON: show it as it is
    }
    return oneLine(args, 140);
  }

  private String summaryText() {
    StringBuilder sb = new StringBuilder();
    sb.append("[Earlier steps were compacted to save context. What was done:]\n");
    if (omittedLines > 0) {
      sb.append("(").append(omittedLines).append(" older step lines omitted)\n");
    }
    for (String line : summaryLines) {
      sb.append("- ").append(line).append('\n');
    }
    if (!variables.isBlank()) {
      sb.append("\n[Kernel variables at the time of compaction; they still hold the data. Use")
          .append(" listVariables() or inspectVariable(\"name\") for details:]\n")
          .append(variables)
          .append('\n');
    }
    if (pendingRequest != null) {
      sb.append("\n[The request you are working on:]\n").append(pendingRequest);
    }
    return sb.toString().strip();
  }

  private static String oneLine(String text, int max) {
    if (text == null) {
      return "";
    }
    String s = text.strip().replaceAll("\\s*\\n\\s*", " ⏎ ").replaceAll("\\s+", " ");
    return clip(s, max);
  }

  private static String clip(String s, int max) {
    if (s == null) {
      return null;
    }
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
