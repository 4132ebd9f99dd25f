package dev.orca.skills.eval;

import java.util.List;
import java.util.Locale;

/**
 * What {@code orca eval skills} measured: the seed's code-quality metrics over all tasks.
 *
 * @param model the model evaluated ({@code provider:name})
 * @param results one per task
 */
public record EvalReport(String model, List<EvalResult> results) {

  /** Copies. */
  public EvalReport {
    results = List.copyOf(results);
  }

  /** Share of tasks whose first generated source compiled. */
  public double firstTryCompileRate() {
    return rate(results.stream().filter(EvalResult::firstTryCompiled).count());
  }

  /** Share of tasks that passed the gate. */
  public double gatePassRate() {
    return rate(results.stream().filter(EvalResult::gatePassed).count());
  }

  /** Share of tasks whose final source passed the hidden tests. */
  public double hiddenPassRate() {
    return rate(results.stream().filter(EvalResult::hiddenPassed).count());
  }

  /** Mean generation rounds per task. */
  public double meanRounds() {
    return results.stream().mapToInt(EvalResult::rounds).average().orElse(0);
  }

  /** Tokens over all tasks. */
  public long tokens() {
    return results.stream().mapToLong(EvalResult::tokens).sum();
  }

  private double rate(long n) {
    return results.isEmpty() ? 0 : (double) n / results.size();
  }

  /** A plain-text table and the totals. */
  public String render() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-22s %-7s %-8s %-6s %-7s %6s %8s  %s%n",
            "TASK",
            "KIND",
            "COMPILE1",
            "GATE",
            "HIDDEN",
            "ROUNDS",
            "TOKENS",
            "NOTE"));
    for (EvalResult r : results) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-22s %-7s %-8s %-6s %-7s %6d %8d  %s%n",
              r.task(),
              r.category(),
              yes(r.firstTryCompiled()),
              yes(r.gatePassed()),
              yes(r.hiddenPassed()),
              r.rounds(),
              r.tokens(),
              r.note()));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%nmodel %s, %d tasks: first-try compile %.0f%%, gate pass %.0f%%, hidden tests pass"
                + " %.0f%%, mean rounds %.2f, tokens %d%n",
            model,
            results.size(),
            firstTryCompileRate() * 100,
            gatePassRate() * 100,
            hiddenPassRate() * 100,
            meanRounds(),
            tokens()));
    return b.toString();
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }
}
