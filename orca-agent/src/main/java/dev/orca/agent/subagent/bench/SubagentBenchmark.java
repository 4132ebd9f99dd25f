package dev.orca.agent.subagent.bench;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.orca.agent.provider.ModelFactory;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.agent.provider.Provider;
import dev.orca.agent.provider.RetryPolicy;
import dev.orca.agent.subagent.BuiltinSubagents;
import dev.orca.agent.subagent.FactoryModelResolver;
import dev.orca.agent.subagent.MapItem;
import dev.orca.agent.subagent.MapResult;
import dev.orca.agent.subagent.SubagentRegistry;
import dev.orca.agent.subagent.SubagentResult;
import dev.orca.agent.subagent.SubagentRunner;
import dev.orca.agent.subagent.SubagentSpec;
import dev.orca.agent.subagent.internal.TokenCounter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code orca bench subagents}: measures sub-agent calls end to end through the real LangChain4j
 * OpenAI client against a local {@link FakeChatServer} with a fixed delay: the context size of a
 * typical call (the summarizer on a 2K-token input), Orca's overhead per call beyond the model's
 * latency (against the server's own handling time, and against a bare client call of the same
 * request), and a fan-out's wall time against the same calls run one by one.
 */
public final class SubagentBenchmark {

  private SubagentBenchmark() {}

  /**
   * What to run.
   *
   * @param modelDelay the fake model's latency per request
   * @param calls sequential calls measured for the overhead (after warm-up)
   * @param fanOutItems elements of the fan-out
   * @param concurrency the fan-out's concurrency
   * @param inputTokens size of the typical input
   */
  public record Options(
      Duration modelDelay, int calls, int fanOutItems, int concurrency, int inputTokens) {

    /** Validates. */
    public Options {
      if (calls < 1 || fanOutItems < 1 || concurrency < 1 || inputTokens < 10) {
        throw new IllegalArgumentException("benchmark sizes must be positive");
      }
      if (modelDelay.isNegative()) {
        throw new IllegalArgumentException("model delay must not be negative");
      }
    }

    /** 200 ms model latency, 30 calls, 48 items at concurrency 8, a 2,000-token input. */
    public static Options defaults() {
      return new Options(Duration.ofMillis(200), 30, 48, 8, 2_000);
    }
  }

  /**
   * The figures.
   *
   * @param options what was run
   * @param inputTokens tokens of the handed input
   * @param requestTokens tokens of the sub-agent's whole request (system prompt + input)
   * @param contextTokens request tokens plus the answer budget reserved for the call
   * @param requestBytes bytes of the HTTP request body
   * @param orcaOverheadMs per call: wall time minus the server's handling time, sorted
   * @param bareOverheadMs per call of the bare client: wall time minus the server's handling time
   * @param sequentialMs wall time of the fan-out's items run one by one
   * @param fanOutMs wall time of the fan-out
   */
  public record Report(
      Options options,
      int inputTokens,
      int requestTokens,
      int contextTokens,
      int requestBytes,
      double[] orcaOverheadMs,
      double[] bareOverheadMs,
      double sequentialMs,
      double fanOutMs) {

    /** The median of Orca's per-call overhead beyond the model's latency. */
    public double overheadMedianMs() {
      return percentile(orcaOverheadMs, 50);
    }

    /** The figures as a plain-text table. */
    public String render() {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "Sub-agent benchmark: fake OpenAI server on loopback, model latency %d ms,"
                  + " real LangChain4j OpenAI client%n",
              options.modelDelay().toMillis()));
      out.append(
          String.format(
              Locale.ROOT,
              "context of one summarizer call on a %d-token input: %d request tokens"
                  + " (%d bytes), %d with the answer budget (goal < 10,000)%n",
              inputTokens,
              requestTokens,
              requestBytes,
              contextTokens));
      out.append(
          String.format(
              Locale.ROOT,
              "Orca overhead per call beyond the model latency (%d calls): p50 %.1f ms, p90 %.1f"
                  + " ms (goal < 100 ms)%n",
              orcaOverheadMs.length,
              percentile(orcaOverheadMs, 50),
              percentile(orcaOverheadMs, 90)));
      out.append(
          String.format(
              Locale.ROOT,
              "  of which HTTP client + loopback (bare ChatModel.chat, same request): p50 %.1f ms;"
                  + " Orca's own: p50 %.1f ms%n",
              percentile(bareOverheadMs, 50),
              percentile(orcaOverheadMs, 50) - percentile(bareOverheadMs, 50)));
      out.append(
          String.format(
              Locale.ROOT,
              "fan-out of %d items: sequential %.0f ms, concurrency %d %.0f ms, speed-up %.1fx"
                  + " (ideal %.1fx)%n",
              options.fanOutItems(),
              sequentialMs,
              options.concurrency(),
              fanOutMs,
              sequentialMs / fanOutMs,
              (double) Math.min(options.concurrency(), options.fanOutItems())));
      return out.toString();
    }
  }

  /**
   * Runs the benchmark.
   *
   * @param options what to run
   * @return the figures
   * @throws IOException when the fake server cannot start
   */
  public static Report run(Options options) throws IOException {
    int threads = Math.max(16, options.concurrency() * 2);
    try (FakeChatServer server = FakeChatServer.start(options.modelDelay(), threads)) {
      ModelSettings settings =
          new ModelSettings(
              Provider.OPENAI,
              "bench-model",
              server.baseUrl(),
              "sk-bench-not-a-key",
              Duration.ofSeconds(60),
              1024,
              RetryPolicy.NONE);
      ModelFactory factory = new ModelFactory();
      ChatModel bare = factory.rawChatModel(settings);
      SubagentRegistry registry = SubagentRegistry.withBuiltIns();
      SubagentRunner runner =
          SubagentRunner.builder()
              .registry(registry)
              .models(new FactoryModelResolver(factory, settings, null, Map.of()))
              .build();
      TokenCounter tokens = TokenCounter.get();
      String input = transcript(options.inputTokens(), 0);
      SubagentSpec summarizer = registry.get(BuiltinSubagents.SUMMARIZER);

      // warm-up: class loading, token encoder, HTTP connections
      for (int i = 0; i < 5; i++) {
        runner.call(summarizer.name(), null, input);
        bare.chat(request(summarizer, input));
      }
      server.reset();
      SubagentResult sample = runner.call(summarizer.name(), null, input);
      int requestBytes =
          server.bodies().get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      int requestTokens = runner.estimateRequestTokens(summarizer.name(), null, input);

      double[] orca = new double[options.calls()];
      double[] baseline = new double[options.calls()];
      for (int i = 0; i < options.calls(); i++) {
        server.reset();
        long t0 = System.nanoTime();
        runner.call(summarizer.name(), null, input);
        orca[i] = (System.nanoTime() - t0 - server.handlingNanos().get(0)) / 1e6;
        server.reset();
        long t1 = System.nanoTime();
        bare.chat(request(summarizer, input));
        baseline[i] = (System.nanoTime() - t1 - server.handlingNanos().get(0)) / 1e6;
      }
      Arrays.sort(orca);
      Arrays.sort(baseline);

      List<MapItem> items = new ArrayList<>();
      for (int i = 0; i < options.fanOutItems(); i++) {
        items.add(MapItem.ofText(transcript(400, i)));
      }
      long s0 = System.nanoTime();
      MapResult sequential = runner.map(summarizer.name(), items, 1, null);
      double sequentialMs = (System.nanoTime() - s0) / 1e6;
      long f0 = System.nanoTime();
      MapResult fanOut = runner.map(summarizer.name(), items, options.concurrency(), null);
      double fanOutMs = (System.nanoTime() - f0) / 1e6;
      if (sequential.failed() > 0 || fanOut.failed() > 0 || sample.text().isBlank()) {
        throw new IllegalStateException("benchmark calls failed: " + fanOut.items());
      }
      return new Report(
          options,
          tokens.count(input),
          requestTokens,
          requestTokens + summarizer.maxOutputTokens(),
          requestBytes,
          orca,
          baseline,
          sequentialMs,
          fanOutMs);
    }
  }

  private static ChatRequest request(SubagentSpec spec, String input) {
    return ChatRequest.builder()
        .messages(SystemMessage.from(spec.systemPrompt()), UserMessage.from(input))
        .maxOutputTokens(spec.maxOutputTokens())
        .build();
  }

  /** A deterministic meeting transcript of about {@code targetTokens} tokens. */
  static String transcript(int targetTokens, int seed) {
    String[] speakers = {"Alice", "Bob", "Chen", "Dana"};
    String[] topics = {
      "the release date", "the budget for Q3", "hiring two engineers", "the customer escalation",
      "moving the database", "the security review", "onboarding documents", "the roadmap"
    };
    TokenCounter tokens = TokenCounter.get();
    StringBuilder text = new StringBuilder();
    int line = 0;
    int count = 0;
    while (count < targetTokens) {
      int k = line + seed;
      int start = text.length();
      text.append(speakers[k % speakers.length])
          .append(": About ")
          .append(topics[(k * 3) % topics.length])
          .append(", I think we should decide by ")
          .append(1 + (k * 7) % 28)
          .append(" March and ask ")
          .append(speakers[(k + 1) % speakers.length])
          .append(" to own it; item ")
          .append(k)
          .append(" is open.\n");
      count += tokens.count(text.substring(start));
      line++;
    }
    return text.toString();
  }

  private static double percentile(double[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
