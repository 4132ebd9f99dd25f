package dev.orca.cli.analyze;

import dev.orca.cli.ExitCodes;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.HistoryStore;
import dev.orca.skills.analysis.AnalysisReport;
import dev.orca.skills.analysis.PatternMiner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orca analyze}: finds repeated work in {@code history.db} and ranks what would be worth
 * turning into learned functions; reports what learned functions saved so far. The work is done by
 * {@link PatternMiner}. {@code --generate ID} hands one suggestion, with its past cells as
 * examples, to function generation ({@link SuggestionGeneration}).
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Find repeated work in the history (recurring cells and tool sequences), estimate what a"
          + " learned function would save, and report what learned functions have saved so far.",
      "With --generate ID, turn one suggestion into a learned function: its past cells go to the"
          + " generators as examples, the result passes the gate (compile, policy, tests) or is not"
          + " deployed."
    })
public final class AnalyzeCommand implements Callable<Integer> {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Orca home (default: $ORCA_HOME, else ~/.orca).")
  Path home;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Patterns to show (default ${DEFAULT-VALUE}).")
  int limit = 10;

  @Option(names = "--json", description = "Print the report (or the generation result) as JSON.")
  boolean json;

  @Option(
      names = "--generate",
      paramLabel = "ID",
      description =
          "Generate a learned function from a suggestion: its number in the list or its id"
              + " (in brackets). Asks first; needs a model.")
  String generate;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "With --generate: the function's name (default: the suggested one).")
  String name;

  @Option(
      names = {"-y", "--yes"},
      description = "With --generate: do not ask before generating.")
  boolean yes;

  @Option(
      names = "--model",
      paramLabel = "PROVIDER:MODEL",
      description = "With --generate: the generators' model; default: ORCA_MODEL or config.toml.")
  String model;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "With --generate: another endpoint for the provider.")
  String baseUrl;

  private final SuggestionModels models;
  private final Supplier<BufferedReader> input;

  /** The command as the CLI runs it: the configured model, answers from stdin. */
  public AnalyzeCommand() {
    this(
        SuggestionModels.CONFIGURED,
        () -> new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())));
  }

  AnalyzeCommand(SuggestionModels models, Supplier<BufferedReader> input) {
    this.models = models;
    this.input = input;
  }

  @Override
  public Integer call() {
    if (limit < 1) {
      System.err.println("orca analyze: --limit must be at least 1");
      return ExitCodes.USAGE;
    }
    if (generate == null && (name != null || yes || model != null || baseUrl != null)) {
      System.err.println(
          "orca analyze: --name, --yes, --model and --base-url go with --generate ID");
      return ExitCodes.USAGE;
    }
    OrcaHome orcaHome = OrcaHome.resolve(home, System.getenv()).create();
    if (generate != null) {
      return new SuggestionGeneration(orcaHome, models, input.get(), System.out, System.err)
          .run(generate, name, yes, json, model, baseUrl);
    }
    try (HistoryStore history = HistoryStore.open(orcaHome)) {
      AnalysisReport report = new PatternMiner(history).analyze(limit);
      System.out.print(json ? report.toJson().toPrettyString() + "\n" : report.describe());
    }
    return ExitCodes.OK;
  }
}
