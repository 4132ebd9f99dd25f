package dev.orca.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.orca.agent.context.Compaction;
import dev.orca.agent.context.Conversation;
import dev.orca.agent.context.TokenCounter;
import dev.orca.agent.internal.ToolResults;
import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaException;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelBridge;
import dev.orca.kernel.VariableInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The agent loop: a model that works through code. Each request (a task, or a chat message) is
 * answered by turns of: send the bounded conversation with exactly two tools ({@code execute_code}
 * and {@code search_tools}), run every tool call the model asks for against the kernel (several per
 * turn), feed back bounded results, until the model answers in plain text or a step or time limit
 * ends the request.
 *
 * <p>Data stays in the kernel; the model sees only what code prints, capped. Failing tools become
 * error results the model sees; a model that fails for good ends the request with {@link
 * RunResult.Outcome#MODEL_FAILED}; only configuration errors (bad key, unknown model) are thrown.
 * One orchestrator is one session: the conversation (compacted as needed) carries over between
 * requests. Use it from one thread at a time; {@link #cancel()} may be called from any thread.
 */
public final class Orchestrator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelClient model;
  private final Kernel kernel;
  private final KernelBridge bridge;
  private final AgentConfig config;
  private final TurnLedger ledger;
  private final Transcript transcript;
  private final TokenCounter counter;
  private final List<ToolSpecification> tools;
  private final Conversation conversation;
  private final List<TurnUsage> sessionTurns = new ArrayList<>();
  private final List<ChatMessage> requestMessages = new ArrayList<>();
  private volatile boolean cancelled;
  private volatile Thread worker;
  private int step;

  private Orchestrator(Builder b) {
    this.model = Objects.requireNonNull(b.model, "model");
    this.kernel = Objects.requireNonNull(b.kernel, "kernel");
    this.bridge = b.bridge;
    this.config = b.config;
    this.ledger = b.ledger;
    this.transcript = b.transcript;
    this.counter = b.counter;
    this.tools = List.copyOf(b.tools);
    this.conversation =
        new Conversation(counter, b.systemPrompt, tools, config.contextBudgetTokens());
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The conversation (for the chat's status and for tests). */
  public Conversation conversation() {
    return conversation;
  }

  /**
   * Puts the messages of earlier requests back into the conversation (a resumed chat), before the
   * first request: the newest whole requests that fit in half the context budget are kept verbatim,
   * so the model sees them with the next request. See {@link Conversation#restore}.
   *
   * @param earlier the messages, oldest first (e.g. {@link
   *     dev.orca.agent.chat.ConversationLog#read})
   * @return how many messages were put back
   * @throws IllegalStateException after the first request
   */
  public int restore(List<ChatMessage> earlier) {
    return conversation.restore(earlier);
  }

  /** Every turn of the session so far. */
  public synchronized List<TurnUsage> sessionTurns() {
    return List.copyOf(sessionTurns);
  }

  /** Input tokens of the session so far. */
  public synchronized long sessionInputTokens() {
    return sessionTurns.stream().mapToLong(TurnUsage::inputTokens).sum();
  }

  /** Output tokens of the session so far. */
  public synchronized long sessionOutputTokens() {
    return sessionTurns.stream().mapToLong(TurnUsage::outputTokens).sum();
  }

  /** The model's {@code provider:name}. */
  public String modelLabel() {
    return model.provider() + ":" + model.modelName();
  }

  /** The kernel this orchestrator works in. */
  public Kernel kernel() {
    return kernel;
  }

  /**
   * Stops the current request as soon as possible: the running cell is interrupted and a pending
   * model call is abandoned. Does nothing when no request runs.
   */
  public void cancel() {
    cancelled = true;
    Thread t = worker;
    if (t != null) {
      kernel.interrupt();
      t.interrupt();
    }
  }

  /**
   * Answers one request.
   *
   * @param request the task or message
   * @param listener progress
   * @return how it ended, with the answer and per-turn accounting
   * @throws ConfigurationException when the model's configuration is wrong (key, model name, URL)
   */
  public RunResult ask(String request, AgentListener listener) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(listener, "listener");
    long start = System.nanoTime();
    cancelled = false;
    worker = Thread.currentThread();
    List<TurnUsage> turns = new ArrayList<>();
    int compactionsBefore = conversation.compactions();
    requestMessages.clear();
    try {
      UserMessage user = UserMessage.from(request);
      conversation.addUser(request, step + 1);
      requestMessages.add(user);
      int steps = 0;
      while (true) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (cancelled) {
          return end(
              RunResult.Outcome.CANCELLED, "Stopped by the user.", turns, start, compactionsBefore);
        }
        if (steps >= config.maxSteps()) {
          return end(
              RunResult.Outcome.STEP_LIMIT,
              "Stopped after "
                  + steps
                  + " steps (the step limit; raise it with --max-steps or [agent] max_steps) before"
                  + " the model gave a final answer. "
                  + variablesLine(),
              turns,
              start,
              compactionsBefore);
        }
        if (elapsed.compareTo(config.maxDuration()) >= 0) {
          return end(
              RunResult.Outcome.TIME_LIMIT,
              "Stopped after "
                  + elapsed.toSeconds()
                  + " s (the time limit of "
                  + config.maxDuration().toMinutes()
                  + " min; raise it with [agent] max_minutes) before the model gave a final"
                  + " answer. "
                  + variablesLine(),
              turns,
              start,
              compactionsBefore);
        }
        long stepStart = System.nanoTime();
        Compaction compaction = conversation.compactIfNeeded(this::variablesDigest);
        if (compaction != null) {
          listener.compacted(compaction);
        }
        steps++;
        step++;
        List<ChatMessage> messages = conversation.messages();
        int estimate = conversation.estimateTokens();
        ChatRequest chatRequest =
            ChatRequest.builder().messages(messages).toolSpecifications(tools).build();
        listener.requestSent(step, estimate);
        long modelStart = System.nanoTime();
        ChatResponse response;
        try {
          response = model.chat(chatRequest, listener::partialText);
        } catch (ConfigurationException e) {
          throw e;
        } catch (RuntimeException e) {
          if (cancelled) {
            return end(
                RunResult.Outcome.CANCELLED,
                "Stopped by the user.",
                turns,
                start,
                compactionsBefore);
          }
          String why = e instanceof OrcaException ? e.getMessage() : "The model call failed: " + e;
          return end(RunResult.Outcome.MODEL_FAILED, why, turns, start, compactionsBefore);
        }
        Duration modelLatency = Duration.ofNanos(System.nanoTime() - modelStart);
        AiMessage ai = response == null ? null : response.aiMessage();
        if (ai == null) {
          return end(
              RunResult.Outcome.MODEL_FAILED,
              "The model returned no message.",
              turns,
              start,
              compactionsBefore);
        }
        conversation.addAi(ai, step);
        requestMessages.add(ai);
        if (!model.streams() && ai.text() != null && !ai.text().isEmpty()) {
          listener.partialText(ai.text());
        }
        long toolStart = System.nanoTime();
        List<String> called = new ArrayList<>();
        for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
          called.add(call.name());
          runTool(call, listener);
        }
        Duration toolTime = Duration.ofNanos(System.nanoTime() - toolStart);
        TurnUsage usage =
            account(response, ai, estimate, stepStart, modelLatency, toolTime, called);
        turns.add(usage);
        long in;
        long out;
        synchronized (this) {
          sessionTurns.add(usage);
          in = sessionTurns.stream().mapToLong(TurnUsage::inputTokens).sum();
          out = sessionTurns.stream().mapToLong(TurnUsage::outputTokens).sum();
        }
        try {
          ledger.record(usage, model.provider(), model.modelName());
        } catch (RuntimeException e) {
          // bookkeeping must not end a task
        }
        listener.turnFinished(usage, in, out);
        if (!ai.hasToolExecutionRequests()) {
          String answer =
              ai.text() == null || ai.text().isBlank()
                  ? "(the model gave an empty answer)"
                  : ai.text();
          return end(RunResult.Outcome.COMPLETED, answer, turns, start, compactionsBefore);
        }
      }
    } finally {
      worker = null;
      Thread.interrupted();
      keepTranscript();
    }
  }

  private void keepTranscript() {
    if (requestMessages.isEmpty()) {
      return;
    }
    try {
      transcript.append(List.copyOf(requestMessages));
    } catch (RuntimeException e) {
      // bookkeeping must not end a chat; the transcript reports its own failures
    } finally {
      requestMessages.clear();
    }
  }

  private RunResult end(
      RunResult.Outcome outcome,
      String answer,
      List<TurnUsage> turns,
      long start,
      int compactionsBefore) {
    return new RunResult(
        outcome,
        answer,
        turns,
        Duration.ofNanos(System.nanoTime() - start),
        conversation.compactions() - compactionsBefore);
  }

  private TurnUsage account(
      ChatResponse response,
      AiMessage ai,
      int estimate,
      long stepStart,
      Duration modelLatency,
      Duration toolTime,
      List<String> called) {
    TokenUsage tu = response.tokenUsage();
    Integer in = tu == null ? null : tu.inputTokenCount();
    Integer out = tu == null ? null : tu.outputTokenCount();
    boolean estimated = in == null || out == null;
    long input = in != null ? in : estimate;
    long output = out != null ? out : counter.output(ai);
    Duration wall = Duration.ofNanos(System.nanoTime() - stepStart);
    Duration overhead = wall.minus(modelLatency).minus(toolTime);
    if (overhead.isNegative()) {
      overhead = Duration.ZERO;
    }
    return new TurnUsage(
        step, input, output, estimated, estimate, modelLatency, toolTime, overhead, called);
  }

  private void runTool(ToolExecutionRequest call, AgentListener listener) {
    String name = call.name();
    String text;
    boolean ok;
    if (cancelled) {
      text = "Not run: the user stopped this step.";
      ok = false;
    } else {
      try {
        JsonNode args = parseArgs(call.arguments());
        if (AgentTools.EXECUTE_CODE.equals(name)) {
          String code = args.path("code").asText(null);
          if (code == null || code.isBlank()) {
            throw OrcaException.invalid(
                "execute_code needs a non-empty \"code\" argument (Java source).");
          }
          listener.toolCalled(step, name, firstLine(code));
          Duration timeout = config.cellTimeout();
          if (args.has("timeout_seconds") && args.get("timeout_seconds").canConvertToInt()) {
            int s = Math.max(1, args.get("timeout_seconds").asInt());
            timeout = Duration.ofSeconds(Math.min(s, Kernel.MAX_TIMEOUT.toSeconds()));
          }
          ExecutionResult result = kernel.execute(code, timeout);
          text = ToolResults.execution(result, config.toolResultChars());
          ok = result.ok();
          try {
            ledger.execution(code, result, counter.count(code) + counter.count(text));
          } catch (RuntimeException e) {
            // bookkeeping must not end a task
          }
        } else if (AgentTools.SEARCH_TOOLS.equals(name)) {
          String query = args.path("query").asText("");
          if (query.isBlank()) {
            throw OrcaException.invalid("search_tools needs a non-empty \"query\" argument.");
          }
          int limit = args.has("limit") ? Math.max(1, Math.min(50, args.get("limit").asInt(5))) : 5;
          listener.toolCalled(step, name, "\"" + query + "\"");
          ObjectNode bridgeArgs = JSON.createObjectNode().put("query", query).put("limit", limit);
          if (bridge == null) {
            throw OrcaException.invalid("Tool search is not available in this session.");
          }
          text =
              ToolResults.search(
                  query, bridge.call("searchTools", bridgeArgs), config.toolResultChars());
          ok = true;
        } else {
          listener.toolCalled(step, name, "");
          throw OrcaException.invalid(
              "There is no tool named '"
                  + name
                  + "'. The tools are execute_code and search_tools; everything else (tools found"
                  + " by search, sub-agents, learned functions) is called from Java in"
                  + " execute_code.");
        }
      } catch (RuntimeException e) {
        text = "error: " + (e.getMessage() == null ? e.toString() : e.getMessage());
        text = ToolResults.bound(text, config.toolResultChars());
        ok = false;
      }
    }
    ToolExecutionResultMessage toolResult =
        ToolExecutionResultMessage.builder()
            .id(call.id())
            .toolName(name)
            .text(text)
            .isError(!ok)
            .build();
    conversation.addToolResult(toolResult, step);
    requestMessages.add(toolResult);
    listener.toolFinished(step, name, ok, firstLine(text));
  }

  private static JsonNode parseArgs(String arguments) {
    if (arguments == null || arguments.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(arguments);
      if (node == null || !node.isObject()) {
        throw OrcaException.invalid(
            "Tool arguments must be a JSON object, got: " + clip(arguments, 200));
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw OrcaException.invalid(
          "Tool arguments are not valid JSON ("
              + e.getOriginalMessage()
              + "): "
              + clip(arguments, 200));
    }
  }

  /** The kernel's variables in a few bounded lines, for compaction summaries. */
  String variablesDigest() {
    List<VariableInfo> vars;
    try {
      vars = kernel.variables();
    } catch (RuntimeException e) {
      return "(the variable list is not available: " + e.getMessage() + ")";
    }
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (VariableInfo v : vars) {
      if (shown == 40 || sb.length() > 2500) {
        sb.append("(").append(vars.size() - shown).append(" more)\n");
        break;
      }
      sb.append("- ")
          .append(v.name())
          .append(" (")
          .append(v.type())
          .append("): ")
          .append(clip(v.summary().replaceAll("\\s+", " "), 120))
          .append('\n');
      shown++;
    }
    return vars.isEmpty() ? "(no variables)" : sb.toString().strip();
  }

  private String variablesLine() {
    try {
      List<VariableInfo> vars = kernel.variables();
      if (vars.isEmpty()) {
        return "The kernel holds no variables.";
      }
      List<String> names = vars.stream().map(VariableInfo::name).limit(20).toList();
      return "The kernel keeps its variables: "
          + String.join(", ", names)
          + (vars.size() > 20 ? ", …" : "")
          + ".";
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String firstLine(String text) {
    String t = text == null ? "" : text.strip();
    int nl = t.indexOf('\n');
    return clip(nl < 0 ? t : t.substring(0, nl) + " …", 100);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }

  /** Builds an {@link Orchestrator}. */
  public static final class Builder {
    private ModelClient model;
    private Kernel kernel;
    private KernelBridge bridge;
    private AgentConfig config = AgentConfig.DEFAULTS;
    private TurnLedger ledger = TurnLedger.NONE;
    private Transcript transcript = Transcript.NONE;
    private TokenCounter counter = TokenCounter.o200k();
    private List<ToolSpecification> tools;
    private String systemPrompt;

    private Builder() {}

    /** The model (required). */
    public Builder model(ModelClient client) {
      this.model = client;
      return this;
    }

    /** The kernel the code runs in (required). */
    public Builder kernel(Kernel k) {
      this.kernel = k;
      return this;
    }

    /** Answers {@code search_tools} through its {@code searchTools} method. */
    public Builder bridge(KernelBridge b) {
      this.bridge = b;
      return this;
    }

    /** Limits (default {@link AgentConfig#DEFAULTS}). */
    public Builder config(AgentConfig c) {
      this.config = Objects.requireNonNull(c, "config");
      return this;
    }

    /** Where turns are recorded (default: nowhere). */
    public Builder ledger(TurnLedger l) {
      this.ledger = Objects.requireNonNull(l, "ledger");
      return this;
    }

    /** Where each request's messages are kept once it ended (default: nowhere). */
    public Builder transcript(Transcript t) {
      this.transcript = Objects.requireNonNull(t, "transcript");
      return this;
    }

    /** The token ruler (default o200k). */
    public Builder counter(TokenCounter c) {
      this.counter = Objects.requireNonNull(c, "counter");
      return this;
    }

    /** The tools sent upfront (default {@link AgentTools#upfront()}). */
    public Builder tools(List<ToolSpecification> t) {
      this.tools = t;
      return this;
    }

    /** The system prompt (default {@link AgentTools#systemPrompt()}). */
    public Builder systemPrompt(String prompt) {
      this.systemPrompt = prompt;
      return this;
    }

    /** Builds the orchestrator. */
    public Orchestrator build() {
      if (tools == null) {
        tools = AgentTools.upfront();
      }
      if (systemPrompt == null) {
        systemPrompt = AgentTools.systemPrompt();
      }
      return new Orchestrator(this);
    }
  }
}
