package dev.orca.cli.bench;

import dev.orca.agent.subagent.bench.SubagentBenchmark;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orca bench subagents}: context size, per-call overhead and fan-out of sub-agents. */
@Command(
    name = "subagents",
    mixinStandardHelpOptions = true,
    description = {
      "Measures sub-agent calls through the real LangChain4j OpenAI client against a local fake"
          + " model server with a fixed latency: the context of a summarizer call on a 2K-token input,"
          + " Orca's overhead per call beyond the model's latency, and a fan-out vs the same calls run"
          + " one by one."
    })
public final class SubagentBenchCommand implements Callable<Integer> {

  @Option(
      names = "--delay-ms",
      description = "The fake model's latency per request (default ${DEFAULT-VALUE}).")
  long delayMs = 200;

  @Option(names = "--calls", description = "Sequential calls timed (default ${DEFAULT-VALUE}).")
  int calls = 30;

  @Option(names = "--items", description = "Elements of the fan-out (default ${DEFAULT-VALUE}).")
  int items = 48;

  @Option(
      names = "--concurrency",
      description = "Concurrency of the fan-out (default ${DEFAULT-VALUE}).")
  int concurrency = 8;

  @Option(
      names = "--input-tokens",
      description = "Size of the typical input (default ${DEFAULT-VALUE}).")
  int inputTokens = 2_000;

  @Override
  public Integer call() throws Exception {
    SubagentBenchmark.Options options;
    try {
      options =
          new SubagentBenchmark.Options(
              Duration.ofMillis(delayMs), calls, items, concurrency, inputTokens);
    } catch (IllegalArgumentException e) {
      System.err.println("orca bench subagents: " + e.getMessage());
      return 2;
    }
    System.err.println("measuring sub-agents (about a minute) …");
    System.out.print(SubagentBenchmark.run(options).render());
    return 0;
  }
}
