package dev.orca.agent.subagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.ChatModel;
import dev.orca.agent.subagent.internal.Chunker;
import dev.orca.agent.subagent.internal.FreshContext;
import dev.orca.agent.subagent.internal.JsonAnswers;
import dev.orca.agent.subagent.internal.Merging;
import dev.orca.agent.subagent.internal.TokenCounter;
import dev.orca.agent.subagent.internal.Transient;
import dev.orca.core.OrcaException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs sub-agents: {@link #call} hands one piece of data to one agent, {@link #map} one element at
 * a time to many parallel calls.
 *
 * <p>Each call runs in a fresh context holding only the agent's system prompt and the handed data
 * (no orchestrator history, no task text, nothing of the host); the context is discarded when the
 * call returns. Data too big for one call within the agent's budget is chunked and the chunk
 * results merged ({@link Chunking}), or the call is refused with a clear error before anything is
 * sent. Each model request is retried on transient failures ({@link RetryPolicy}); a model that
 * stays unavailable yields a {@link SubagentException}. Every call is recorded ({@link
 * SubagentAccounting}). Thread-safe.
 */
public final class SubagentRunner {

  /** Highest concurrency {@link #map} accepts. */
  public static final int MAX_CONCURRENCY = 32;

  /** Parallel requests for the chunks of one call. */
  public static final int CHUNK_CONCURRENCY = 4;

  /** Merge levels of a map-reduce call before giving up. */
  public static final int MAX_MERGE_DEPTH = 4;

  /** Tokens kept free for a chunk's framing line. */
  private static final int FRAME_TOKENS = 48;

  private final SubagentRegistry registry;
  private final ModelResolver models;
  private final SubagentAccounting accounting;
  private final SubagentTools tools;
  private final SubagentKernels kernels;
  private final RetryPolicy retry;
  private final int maxChunks;
  private final TokenCounter tokens = TokenCounter.get();
  private final Chunker chunker = new Chunker(tokens);

  private SubagentRunner(Builder b) {
    this.registry = Objects.requireNonNull(b.registry, "registry");
    this.models = Objects.requireNonNull(b.models, "models");
    this.accounting = b.accounting;
    this.tools = b.tools;
    this.kernels = b.kernels;
    this.retry = b.retry;
    this.maxChunks = b.maxChunks;
  }

  /** A builder; {@code registry} and {@code models} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The registry this runner looks agents up in. */
  public SubagentRegistry registry() {
    return registry;
  }

  /**
   * Hands data to a sub-agent and returns its result.
   *
   * @param name the agent's name
   * @param data the data as JSON (may be {@code null} when {@code text} is given); a JSON object or
   *     array is handed over as compact JSON
   * @param text the data rendered as text (used unless {@code data} is an object or array), or
   *     {@code null}
   * @return the result
   * @throws SubagentException when the call is refused (unknown agent, no data, over budget), the
   *     model stays unavailable, or the answer is unusable
   */
  public SubagentResult call(String name, JsonNode data, String text) {
    Instant start = Instant.now();
    long t0 = System.nanoTime();
    Tally tally = new Tally();
    SubagentSpec spec = null;
    try {
      spec = lookUp(name);
      JsonNode result = run(spec, data, text, tally);
      Duration latency = Duration.ofNanos(System.nanoTime() - t0);
      record(spec, name, start, latency, SubagentCall.Outcome.OK, tally, null);
      return new SubagentResult(
          spec.name(),
          result,
          tally.input,
          tally.output,
          tally.requests,
          Math.max(1, tally.chunks),
          latency);
    } catch (SubagentException e) {
      record(spec, name, start, Duration.ofNanos(System.nanoTime() - t0), e.outcome(), tally, e);
      throw e;
    } catch (OrcaException e) {
      SubagentException wrapped =
          new SubagentException(SubagentCall.Outcome.ERROR, e.getMessage(), e);
      record(
          spec, name, start, Duration.ofNanos(System.nanoTime() - t0), wrapped.outcome(), tally, e);
      throw wrapped;
    }
  }

  /**
   * Runs one call per element with bounded concurrency. A failing element is reported in its own
   * {@link MapResult.Item}; it never fails the batch. Each element's requests are retried on
   * transient failures.
   *
   * @param name the agent's name
   * @param items the elements
   * @param concurrency calls in flight at once, 1 to {@value #MAX_CONCURRENCY}
   * @param progress hears about each finished element
   * @return one item per element, in input order
   * @throws SubagentException when the agent is unknown or the concurrency is out of range
   */
  public MapResult map(String name, List<MapItem> items, int concurrency, MapProgress progress) {
    SubagentSpec spec = lookUp(name);
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw SubagentException.refused(
          "mapSubagent concurrency must be between 1 and "
              + MAX_CONCURRENCY
              + ", got "
              + concurrency
              + ".");
    }
    Objects.requireNonNull(items, "items");
    MapProgress listener = progress == null ? MapProgress.NONE : progress;
    long t0 = System.nanoTime();
    int total = items.size();
    MapResult.Item[] results = new MapResult.Item[total];
    AtomicInteger done = new AtomicInteger();
    long[] in = new long[total];
    long[] out = new long[total];
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(concurrency, total)), daemonThreads("orca-subagent-map"));
    try {
      List<Future<?>> futures = new ArrayList<>(total);
      for (int i = 0; i < total; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  MapItem item = items.get(index);
                  MapResult.Item outcome;
                  try {
                    SubagentResult r =
                        call(
                            spec.name(),
                            item == null ? null : item.data(),
                            item == null ? null : item.text());
                    in[index] = r.inputTokens();
                    out[index] = r.outputTokens();
                    outcome = new MapResult.Item(index, true, r.result(), null, r.tokens());
                  } catch (RuntimeException e) {
                    outcome =
                        new MapResult.Item(
                            index,
                            false,
                            null,
                            e instanceof OrcaException ? e.getMessage() : Transient.describe(e),
                            0);
                  }
                  results[index] = outcome;
                  try {
                    listener.onItem(outcome, done.incrementAndGet(), total);
                  } catch (RuntimeException ignored) {
                    // a failing progress listener must not fail the element
                  }
                }));
      }
      for (Future<?> future : futures) {
        await(future);
      }
    } finally {
      pool.shutdownNow();
    }
    long inTotal = 0;
    long outTotal = 0;
    for (int i = 0; i < total; i++) {
      inTotal += in[i];
      outTotal += out[i];
    }
    return new MapResult(
        spec.name(), List.of(results), inTotal, outTotal, Duration.ofNanos(System.nanoTime() - t0));
  }

  /**
   * Estimates the tokens of a call's first request without sending anything: system prompt, tool
   * definitions and the data as handed (or its first chunk when it must be chunked).
   *
   * @param name the agent's name
   * @param data the data as JSON, or {@code null}
   * @param text the data as text, or {@code null}
   * @return estimated request tokens (the answer not included)
   */
  public int estimateRequestTokens(String name, JsonNode data, String text) {
    SubagentSpec spec = lookUp(name);
    String input = render(spec, data, text);
    int fixed = fixedTokens(spec, toolSpecs(spec));
    return fixed + Math.min(tokens.count(input), dataBudget(spec, fixed) + FRAME_TOKENS);
  }

  private SubagentSpec lookUp(String name) {
    try {
      return registry.get(name);
    } catch (OrcaException e) {
      throw SubagentException.refused(e.getMessage());
    }
  }

  private JsonNode run(SubagentSpec spec, JsonNode data, String text, Tally tally) {
    List<ToolSpecification> toolSpecs = toolSpecs(spec);
    ChatModel model = models.resolve(spec.model());
    String input = render(spec, data, text);
    int fixed = fixedTokens(spec, toolSpecs);
    int dataBudget = dataBudget(spec, fixed);
    if (dataBudget < 64) {
      throw SubagentException.refused(
          "Sub-agent '"
              + spec.name()
              + "' cannot run: its system prompt and tools take "
              + fixed
              + " tokens, which leaves no room for data within its budget of "
              + spec.tokenBudget()
              + " tokens ("
              + spec.maxOutputTokens()
              + " reserved for the answer). Raise token_budget in its agent.toml.");
    }
    int inputTokens = tokens.count(input);
    if (inputTokens <= dataBudget) {
      tally.chunks = 1;
      return once(spec, model, toolSpecs, input, tally);
    }
    if (spec.chunking() == Chunking.NONE) {
      throw SubagentException.refused(
          "Sub-agent '"
              + spec.name()
              + "' refused the data before sending it: it is "
              + inputTokens
              + " tokens, but one call of this agent has room for "
              + dataBudget
              + " tokens of data (budget "
              + spec.tokenBudget()
              + ") and it does not work in parts. Hand it a smaller or filtered variable, or"
              + " split the data and use mapSubagent over the parts.");
    }
    List<String> chunks = chunk(data, input, dataBudget - FRAME_TOKENS);
    if (chunks.size() > maxChunks) {
      throw SubagentException.refused(
          "Sub-agent '"
              + spec.name()
              + "' refused the data before sending it: it is "
              + inputTokens
              + " tokens and would need "
              + chunks.size()
              + " calls of at most "
              + dataBudget
              + " tokens, more than the limit of "
              + maxChunks
              + ". Filter the data first, or use mapSubagent over its elements.");
    }
    tally.chunks = chunks.size();
    List<JsonNode> parts = runChunks(spec, model, toolSpecs, chunks, tally);
    if (spec.chunking() == Chunking.CONCAT) {
      return Merging.concat(parts);
    }
    return reduce(spec, model, toolSpecs, parts, dataBudget, tally, 1);
  }

  private JsonNode reduce(
      SubagentSpec spec,
      ChatModel model,
      List<ToolSpecification> toolSpecs,
      List<JsonNode> parts,
      int dataBudget,
      Tally tally,
      int depth) {
    String merged = Merging.reduceMessage(parts);
    if (tokens.count(merged) <= dataBudget) {
      return once(spec, model, toolSpecs, merged, tally);
    }
    if (depth >= MAX_MERGE_DEPTH) {
      throw new SubagentException(
          SubagentCall.Outcome.ERROR,
          "Sub-agent '"
              + spec.name()
              + "' could not merge its partial results within "
              + MAX_MERGE_DEPTH
              + " rounds: the results stay larger than one call's budget. Hand it less data.",
          null);
    }
    List<String> groups = chunker.splitText(Merging.joinParts(parts), dataBudget - FRAME_TOKENS);
    List<JsonNode> next =
        runChunks(spec, model, toolSpecs, groups.stream().map(Merging::reduceOf).toList(), tally);
    return reduce(spec, model, toolSpecs, next, dataBudget, tally, depth + 1);
  }

  private List<JsonNode> runChunks(
      SubagentSpec spec,
      ChatModel model,
      List<ToolSpecification> toolSpecs,
      List<String> chunks,
      Tally tally) {
    int n = chunks.size();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(CHUNK_CONCURRENCY, n), daemonThreads("orca-subagent-chunk"));
    try {
      List<Future<JsonNode>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String message = Merging.partMessage(chunks.get(i), i, n);
        futures.add(pool.submit(() -> once(spec, model, toolSpecs, message, tally)));
      }
      List<JsonNode> parts = new ArrayList<>();
      for (Future<JsonNode> future : futures) {
        parts.add(await(future));
      }
      return parts;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One conversation in a fresh context; its messages die with it. */
  private JsonNode once(
      SubagentSpec spec,
      ChatModel model,
      List<ToolSpecification> toolSpecs,
      String userMessage,
      Tally tally) {
    FreshContext context = new FreshContext(spec, model, retry, tools, kernels, toolSpecs);
    try {
      String answer = context.run(systemPrompt(spec), userMessage, validator(spec));
      if (spec.outputFormat() instanceof OutputFormat.Json) {
        return JsonAnswers.parse(answer).orElseThrow();
      }
      return TextNode.valueOf(answer.strip());
    } finally {
      tally.add(context);
    }
  }

  private static Function<String, Optional<String>> validator(SubagentSpec spec) {
    if (spec.outputFormat() instanceof OutputFormat.Json json) {
      return answer ->
          JsonAnswers.parse(answer)
              .map(value -> JsonAnswers.mismatch(value, json.schema()))
              .orElse(Optional.of("it is not a JSON object or array"));
    }
    return answer -> answer.isBlank() ? Optional.of("it is empty") : Optional.empty();
  }

  private static String systemPrompt(SubagentSpec spec) {
    if (spec.outputFormat() instanceof OutputFormat.Json json) {
      return spec.systemPrompt()
          + "\n\nReply with JSON only (no prose, no markdown fences), matching this JSON schema:\n"
          + json.schema();
    }
    return spec.systemPrompt();
  }

  private List<ToolSpecification> toolSpecs(SubagentSpec spec) {
    List<ToolSpecification> specs = new ArrayList<>();
    for (String tool : spec.tools()) {
      if (SubagentTools.EXECUTE_CODE.equals(tool)) {
        specs.add(FreshContext.executeCodeSpec());
      } else {
        specs.add(
            tools
                .specification(tool)
                .orElseThrow(
                    () ->
                        SubagentException.refused(
                            "Sub-agent '"
                                + spec.name()
                                + "' lists the tool \""
                                + tool
                                + "\", which is not registered; fix its agent.toml tools.")));
      }
    }
    return specs;
  }

  private int fixedTokens(SubagentSpec spec, List<ToolSpecification> toolSpecs) {
    int n =
        tokens.count(systemPrompt(spec)) + 2 * TokenCounter.PER_MESSAGE + TokenCounter.PER_REQUEST;
    for (ToolSpecification tool : toolSpecs) {
      n += tokens.count(tool);
    }
    return n;
  }

  private static int dataBudget(SubagentSpec spec, int fixedTokens) {
    return spec.tokenBudget() - spec.maxOutputTokens() - fixedTokens;
  }

  /**
   * The data as the agent sees it: JSON structures as compact JSON (fewer tokens than the kernel's
   * pretty text, and cut at element boundaries when chunked), anything else as the kernel's text.
   */
  private static String render(SubagentSpec spec, JsonNode data, String text) {
    String input;
    if (data != null && data.isContainerNode()) {
      input = data.toString();
    } else if (text != null && !text.isBlank()) {
      input = text;
    } else if (data == null || data.isNull() || data.isMissingNode()) {
      input = "";
    } else {
      input = data.isTextual() ? data.asText() : data.toString();
    }
    if (input.isBlank()) {
      throw SubagentException.refused(
          "Sub-agent '"
              + spec.name()
              + "' was handed no data (the variable is null or empty); nothing was sent.");
    }
    return input;
  }

  private List<String> chunk(JsonNode data, String input, int maxTokens) {
    if (data instanceof ArrayNode array && array.size() > 1) {
      return chunker.splitArray(array, maxTokens);
    }
    return chunker.splitText(input, maxTokens);
  }

  private void record(
      SubagentSpec spec,
      String name,
      Instant start,
      Duration latency,
      SubagentCall.Outcome outcome,
      Tally tally,
      Exception error) {
    try {
      accounting.record(
          new SubagentCall(
              spec == null ? String.valueOf(name) : spec.name(),
              spec == null ? null : spec.model(),
              start,
              latency,
              outcome,
              tally.input,
              tally.output,
              tally.estimated,
              tally.requests,
              tally.chunks,
              error == null ? null : error.getMessage()));
    } catch (RuntimeException ignored) {
      // accounting never fails a call
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SubagentException(
          SubagentCall.Outcome.ERROR, "The sub-agent call was interrupted.", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new SubagentException(SubagentCall.Outcome.ERROR, Transient.describe(cause), cause);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Token and request counts of one call, summed over its conversations (thread-safe). */
  private static final class Tally {
    private long input;
    private long output;
    private boolean estimated;
    private int requests;
    private int chunks;

    synchronized void add(FreshContext context) {
      input += context.inputTokens();
      output += context.outputTokens();
      estimated |= context.estimated();
      requests += context.requests();
    }
  }

  /** Builds a {@link SubagentRunner}. */
  public static final class Builder {
    private SubagentRegistry registry;
    private ModelResolver models;
    private SubagentAccounting accounting = SubagentAccounting.NONE;
    private SubagentTools tools = SubagentTools.NONE;
    private SubagentKernels kernels = SubagentKernels.NONE;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private int maxChunks = 64;

    private Builder() {}

    /** The agents (required). */
    public Builder registry(SubagentRegistry value) {
      this.registry = value;
      return this;
    }

    /** Resolves agents' model references (required). */
    public Builder models(ModelResolver value) {
      this.models = value;
      return this;
    }

    /** Where calls are recorded (default: nowhere). */
    public Builder accounting(SubagentAccounting value) {
      this.accounting = Objects.requireNonNull(value, "accounting");
      return this;
    }

    /** Registry tools agents may call (default: none). */
    public Builder tools(SubagentTools value) {
      this.tools = Objects.requireNonNull(value, "tools");
      return this;
    }

    /** Starts short-lived kernels for agents that run code (default: none). */
    public Builder kernels(SubagentKernels value) {
      this.kernels = Objects.requireNonNull(value, "kernels");
      return this;
    }

    /** Retry policy per model request (default {@link RetryPolicy#DEFAULT}). */
    public Builder retry(RetryPolicy value) {
      this.retry = Objects.requireNonNull(value, "retry");
      return this;
    }

    /** Most chunks one call may be cut into (default 64). */
    public Builder maxChunks(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxChunks must be at least 1: " + value);
      }
      this.maxChunks = value;
      return this;
    }

    /** Builds the runner. */
    public SubagentRunner build() {
      return new SubagentRunner(this);
    }
  }
}
