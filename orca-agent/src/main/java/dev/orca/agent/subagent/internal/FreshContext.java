package dev.orca.agent.subagent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.orca.agent.subagent.RetryPolicy;
import dev.orca.agent.subagent.SubagentCall;
import dev.orca.agent.subagent.SubagentException;
import dev.orca.agent.subagent.SubagentKernels;
import dev.orca.agent.subagent.SubagentSpec;
import dev.orca.agent.subagent.SubagentTools;
import dev.orca.core.OrcaException;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Kernel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One conversation of a sub-agent in a fresh context: the system prompt and one user message, plus
 * the agent's own tool rounds. Nothing else is ever added, and the messages are dropped when {@link
 * #run} returns. Every request is checked against the agent's budget before it is sent and retried
 * on transient failures. Not thread-safe: one instance per conversation.
 */
public final class FreshContext {

  /** Most tool rounds one conversation may take. */
  public static final int MAX_TOOL_ROUNDS = 8;

  /** Characters of a tool result shown to the sub-agent. */
  public static final int TOOL_RESULT_CAP = 4_000;

  /** The longest {@code retry-after} a sub-agent request waits for. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SubagentSpec spec;
  private final ChatModel model;
  private final RetryPolicy retry;
  private final SubagentTools tools;
  private final SubagentKernels kernels;
  private final TokenCounter tokens;
  private final List<ToolSpecification> toolSpecs;

  private long inputTokens;
  private long outputTokens;
  private boolean estimated;
  private int requests;
  private Kernel kernel;

  /**
   * Prepares a conversation.
   *
   * @param spec the agent
   * @param model its model
   * @param retry retry policy for each request
   * @param tools registry tools of its allowlist
   * @param kernels starts its own kernel when it runs code
   * @param toolSpecs the tool definitions it sees (resolved from its allowlist)
   */
  public FreshContext(
      SubagentSpec spec,
      ChatModel model,
      RetryPolicy retry,
      SubagentTools tools,
      SubagentKernels kernels,
      List<ToolSpecification> toolSpecs) {
    this.spec = spec;
    this.model = model;
    this.retry = retry;
    this.tools = tools;
    this.kernels = kernels;
    this.tokens = TokenCounter.get();
    this.toolSpecs = List.copyOf(toolSpecs);
  }

  /** The definition of {@code execute_code} as a sub-agent sees it. */
  public static ToolSpecification executeCodeSpec() {
    return ToolSpecification.builder()
        .name(SubagentTools.EXECUTE_CODE)
        .description(
            "Runs Java code (statements, declarations, a final expression) in your own private"
                + " JShell kernel, which lives only for this task. Returns printed output, the"
                + " final value, or the error.")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("code", "The Java code to run")
                .required("code")
                .build())
        .build();
  }

  /**
   * Runs the conversation.
   *
   * @param systemPrompt the agent's system prompt (with its output-format instructions)
   * @param userMessage the handed data (or one chunk of it)
   * @param validator checks the final answer; returns a problem to send back once for a repair
   * @return the final answer's text
   * @throws SubagentException when a request would exceed the budget, the model stays unavailable,
   *     or the answer is still invalid after a repair
   */
  public String run(
      String systemPrompt, String userMessage, Function<String, Optional<String>> validator) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(systemPrompt));
    messages.add(UserMessage.from(userMessage));
    int toolRounds = 0;
    boolean repaired = false;
    try {
      while (true) {
        AiMessage answer = send(messages, toolRounds);
        if (answer.hasToolExecutionRequests() && !toolSpecs.isEmpty()) {
          if (++toolRounds > MAX_TOOL_ROUNDS) {
            throw new SubagentException(
                SubagentCall.Outcome.ERROR,
                "Sub-agent '"
                    + spec.name()
                    + "' did not finish within "
                    + MAX_TOOL_ROUNDS
                    + " tool rounds; its result was discarded.",
                null);
          }
          messages.add(answer);
          for (ToolExecutionRequest request : answer.toolExecutionRequests()) {
            messages.add(ToolExecutionResultMessage.from(request, executeTool(request)));
          }
          continue;
        }
        String text = answer.text() == null ? "" : answer.text();
        Optional<String> problem = validator.apply(text);
        if (problem.isEmpty()) {
          return text;
        }
        if (repaired) {
          throw new SubagentException(
              SubagentCall.Outcome.ERROR,
              "Sub-agent '"
                  + spec.name()
                  + "' gave an invalid answer twice: "
                  + problem.get()
                  + ". Try again, or use another model for it.",
              null);
        }
        repaired = true;
        messages.add(answer);
        messages.add(
            UserMessage.from(
                "Your answer was not usable: "
                    + problem.get()
                    + ". Reply again with the corrected answer only, in the required format."));
      }
    } finally {
      if (kernel != null) {
        kernel.close();
        kernel = null;
      }
    }
  }

  private AiMessage send(List<ChatMessage> messages, int toolRounds) {
    int estimate = tokens.count(messages, toolSpecs);
    if (estimate + spec.maxOutputTokens() > spec.tokenBudget()) {
      throw SubagentException.refused(
          "Sub-agent '"
              + spec.name()
              + "' refused the call before sending it: the request would take "
              + estimate
              + " tokens plus "
              + spec.maxOutputTokens()
              + " for the answer, more than its budget of "
              + spec.tokenBudget()
              + " tokens per call"
              + (toolRounds > 0 ? " (after " + toolRounds + " tool rounds)" : "")
              + ". Hand it less data (filter or split the variable, or use mapSubagent over a"
              + " list).");
    }
    ChatRequest.Builder request =
        ChatRequest.builder().messages(messages).maxOutputTokens(spec.maxOutputTokens());
    if (!toolSpecs.isEmpty()) {
      request.toolSpecifications(toolSpecs);
    }
    ChatResponse response = sendWithRetries(request.build());
    AiMessage answer = response.aiMessage();
    TokenUsage usage = response.tokenUsage();
    Integer in = usage == null ? null : usage.inputTokenCount();
    Integer out = usage == null ? null : usage.outputTokenCount();
    if (in == null || out == null) {
      estimated = true;
    }
    inputTokens += in != null ? in : estimate;
    outputTokens += out != null ? out : tokens.count(answer == null ? "" : answer.text());
    if (answer == null) {
      throw new SubagentException(
          SubagentCall.Outcome.ERROR,
          "Sub-agent '" + spec.name() + "': the model returned no message.",
          null);
    }
    return answer;
  }

  private ChatResponse sendWithRetries(ChatRequest request) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      requests++;
      try {
        return model.chat(request);
      } catch (RuntimeException e) {
        last = e;
        if (!Transient.isTransient(e)) {
          throw new SubagentException(
              SubagentCall.Outcome.ERROR,
              "Sub-agent '"
                  + spec.name()
                  + "': its model ("
                  + spec.model()
                  + ") rejected the request: "
                  + Transient.describe(e)
                  + ". This will not succeed by retrying; check the model configuration.",
              e);
        }
        if (attempt < retry.maxAttempts()) {
          Duration delay = retry.delayAfter(attempt);
          Duration asked = Transient.retryAfter(e);
          if (asked != null && asked.compareTo(delay) > 0) {
            delay = asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
          }
          sleep(delay);
        }
      }
    }
    throw new SubagentException(
        SubagentCall.Outcome.UNAVAILABLE,
        "Sub-agent '"
            + spec.name()
            + "' is unavailable: its model ("
            + spec.model()
            + ") failed "
            + retry.maxAttempts()
            + " attempts (last error: "
            + Transient.describe(last)
            + "). Carry on without this result, or try again later.",
        last);
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SubagentException(
          SubagentCall.Outcome.ERROR, "The sub-agent call was interrupted.", e);
    }
  }

  private String executeTool(ToolExecutionRequest request) {
    String name = request.name();
    if (!spec.tools().contains(name)) {
      return "Error: tool " + name + " is not available to you. Use only: " + spec.tools();
    }
    try {
      JsonNode args =
          request.arguments() == null || request.arguments().isBlank()
              ? JSON.createObjectNode()
              : JSON.readTree(request.arguments());
      String result;
      if (SubagentTools.EXECUTE_CODE.equals(name)) {
        result = runCode(args.path("code").asText(""));
      } else {
        JsonNode value = tools.call(name, args);
        result = value == null ? "null" : value.isTextual() ? value.asText() : value.toString();
      }
      return cap(result);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return "Error: the arguments are not valid JSON: " + e.getOriginalMessage();
    } catch (OrcaException e) {
      return "Error: " + e.getMessage();
    } catch (RuntimeException e) {
      return "Error: " + Transient.describe(e);
    }
  }

  private String runCode(String code) {
    if (code.isBlank()) {
      return "Error: no code given (argument \"code\").";
    }
    if (kernel == null) {
      kernel = kernels.start();
    }
    ExecutionResult result = kernel.execute(code);
    StringBuilder out = new StringBuilder();
    out.append(result.output().stdout());
    if (!result.output().stderr().isEmpty()) {
      out.append("\n[stderr]\n").append(result.output().stderr());
    }
    if (result instanceof ExecutionResult.Success ok) {
      if (ok.value() != null) {
        out.append("\n[value] ").append(ok.value());
      }
    } else if (result instanceof ExecutionResult.CompileError ce) {
      out.append("\n[compile error] ").append(ce.message());
    } else if (result instanceof ExecutionResult.UserException ue) {
      out.append("\n[exception] ")
          .append(ue.exceptionType())
          .append(ue.message() == null ? "" : ": " + ue.message());
    } else if (result instanceof ExecutionResult.Stopped stopped) {
      out.append("\n[stopped] ").append(stopped.reason());
    } else if (result instanceof ExecutionResult.Died died) {
      out.append("\n[kernel died] ").append(died.cause());
    }
    String text = out.toString().strip();
    return text.isEmpty() ? "(no output)" : text;
  }

  private static String cap(String text) {
    return text.length() <= TOOL_RESULT_CAP
        ? text
        : text.substring(0, TOOL_RESULT_CAP) + "\n[... cut at " + TOOL_RESULT_CAP + " characters]";
  }

  /** Input tokens of every request sent so far. */
  public long inputTokens() {
    return inputTokens;
  }

  /** Output tokens of every answer so far. */
  public long outputTokens() {
    return outputTokens;
  }

  /** Whether any count is an estimate. */
  public boolean estimated() {
    return estimated;
  }

  /** Requests sent, retries included. */
  public int requests() {
    return requests;
  }
}
