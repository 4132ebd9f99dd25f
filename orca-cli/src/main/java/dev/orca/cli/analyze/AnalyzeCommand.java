package dev.orca.cli.analyze;

import dev.orca.cli.ExitCodes;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.HistoryStore;
import dev.orca.skills.analysis.AnalysisReport;
import dev.orca.skills.analysis.PatternMiner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orca analyze}: finds repeated work in {@code history.db} and ranks what would be worth
 * turning into learned functions; reports what learned functions saved so far. The work is done by
 * {@link PatternMiner}.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Find repeated work in the history (recurring cells and tool sequences), estimate what a",
      "learned function would save, and report what learned functions have saved so far."
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

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (limit < 1) {
      System.err.println("orca analyze: --limit must be at least 1");
      return ExitCodes.USAGE;
    }
    OrcaHome orcaHome = OrcaHome.resolve(home, System.getenv()).create();
    try (HistoryStore history = HistoryStore.open(orcaHome)) {
      AnalysisReport report = new PatternMiner(history).analyze(limit);
      System.out.print(json ? report.toJson().toPrettyString() + "\n" : report.describe());
    }
    return ExitCodes.OK;
  }
}
