package dev.orca.agent.bench;

import dev.orca.agent.RunResult;
import dev.orca.agent.TurnUsage;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one {@code orca bench context} run.
 *
 * @param orcaRuns Orca's runs (the first gives the token figures; all give overhead samples)
 * @param baselineFull the traditional agent with every catalog tool upfront
 * @param baselineTaskTools the traditional agent with only the two file tools it uses
 * @param catalogTools how many tools the full catalog has
 * @param transcripts how many transcripts
 * @param corpusBytes their total size
 */
public record ContextBenchReport(
    List<RunResult> orcaRuns,
    RunResult baselineFull,
    RunResult baselineTaskTools,
    int catalogTools,
    int transcripts,
    long corpusBytes) {

  /** Copies. */
  public ContextBenchReport {
    orcaRuns = List.copyOf(orcaRuns);
  }

  /** Orca's first run. */
  public RunResult orca() {
    return orcaRuns.get(0);
  }

  /** Fewer input tokens than the full-catalog baseline, as a fraction (0.99 = 99% fewer). */
  public double inputReduction() {
    return 1 - (double) orca().inputTokens() / baselineFull.inputTokens();
  }

  /** Fewer input tokens than the task-tools-only baseline, as a fraction. */
  public double inputReductionVsTaskTools() {
    return 1 - (double) orca().inputTokens() / baselineTaskTools.inputTokens();
  }

  /** Orca's per-step overhead beyond model and tool time, median over all runs, in ms. */
  public double overheadP50Millis() {
    return ContextBench.quantileMillis(ContextBench.all(orcaRuns, TurnUsage::overhead), 0.5);
  }

  /** Orca's per-step overhead, 90th percentile, in ms. */
  public double overheadP90Millis() {
    return ContextBench.quantileMillis(ContextBench.all(orcaRuns, TurnUsage::overhead), 0.9);
  }

  /** Kernel time of steps that ran code, median, in ms. */
  public double kernelP50Millis() {
    return ContextBench.quantileMillis(
        ContextBench.all(orcaRuns, TurnUsage::toolTime).stream().filter(d -> !d.isZero()).toList(),
        0.5);
  }

  /** Whether both agents reached the same figures. */
  public boolean answersAgree() {
    return orca().answer().equals(baselineFull.answer())
        && baselineFull.answer().equals(baselineTaskTools.answer());
  }

  /** The report as Markdown (tables for BENCHMARKS.md and the terminal). */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Workload: %d transcripts (%,d bytes), load, count, filter, summarise. Baseline catalog:"
                + " %,d tools. Tokens: o200k (jtokkit) counts of each request as sent.%n%n",
            transcripts,
            corpusBytes,
            catalogTools));
    sb.append("| agent | requests | input tokens | output tokens | largest request |\n");
    sb.append("| --- | ---: | ---: | ---: | ---: |\n");
    row(sb, "Orca (code mode, 2 tools)", orca());
    row(sb, "baseline, all " + catalogTools + " catalog tools upfront", baselineFull);
    row(sb, "baseline, only its 2 file tools", baselineTaskTools);
    sb.append('\n');
    sb.append(
        String.format(
            Locale.ROOT,
            "- Input tokens: Orca uses %.2f%% fewer than the full-catalog baseline (%.1fx less), and"
                + " %.1f%% fewer than a baseline that sends only the 2 tools it needs.%n",
            100 * inputReduction(),
            (double) baselineFull.inputTokens() / orca().inputTokens(),
            100 * inputReductionVsTaskTools()));
    sb.append(
        String.format(
            Locale.ROOT,
            "- Output tokens: Orca %,d vs baseline %,d (%.2fx): code costs output tokens.%n",
            orca().outputTokens(),
            baselineFull.outputTokens(),
            (double) orca().outputTokens() / Math.max(1, baselineFull.outputTokens())));
    sb.append(
        String.format(
            Locale.ROOT,
            "- Requests: Orca %d vs baseline %d.%n",
            orca().requests(),
            baselineFull.requests()));
    sb.append(
        String.format(
            Locale.ROOT,
            "- Orca's own overhead per step beyond model and kernel time: p50 %.2f ms, p90 %.2f ms"
                + " (%d runs, %d steps); kernel round trip per code step: p50 %.1f ms.%n",
            overheadP50Millis(),
            overheadP90Millis(),
            orcaRuns.size(),
            ContextBench.all(orcaRuns, TurnUsage::overhead).size(),
            kernelP50Millis()));
    sb.append("- Both agents' answers agree: ").append(answersAgree() ? "yes" : "NO").append(".\n");
    sb.append("\nPer turn (input / output tokens):\n\n");
    sb.append("| step | Orca | baseline (all tools) | baseline (2 tools) |\n");
    sb.append("| ---: | ---: | ---: | ---: |\n");
    int n = Math.max(orca().requests(), baselineFull.requests());
    for (int i = 0; i < n; i++) {
      sb.append("| ").append(i + 1).append(" | ");
      sb.append(cell(orca(), i)).append(" | ");
      sb.append(cell(baselineFull, i)).append(" | ");
      sb.append(cell(baselineTaskTools, i)).append(" |\n");
    }
    sb.append("\nOrca's answer: ").append(orca().answer()).append('\n');
    return sb.toString();
  }

  private static String cell(RunResult r, int i) {
    if (i >= r.turns().size()) {
      return "";
    }
    TurnUsage t = r.turns().get(i);
    return String.format(Locale.ROOT, "%,d / %,d", t.inputTokens(), t.outputTokens());
  }

  private static void row(StringBuilder sb, String name, RunResult r) {
    sb.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %,d | %,d | %,d |%n",
            name,
            r.requests(),
            r.inputTokens(),
            r.outputTokens(),
            r.largestRequest()));
  }
}
