package dev.orca.cli.sessions;

import dev.orca.skills.session.LoadReport;
import dev.orca.skills.session.RunningCell;
import java.util.List;

/**
 * A session load as a person reads it: one line per variable (restored, or not restorable and why),
 * the learned skills, and the cell that was running when the previous process stopped.
 */
public final class ResumeReport {

  private static final int CODE_LINES = 6;
  private static final int LINE_CHARS = 160;

  private ResumeReport() {}

  /**
   * The report.
   *
   * @param report what the load did
   * @param verb {@code Resumed} (a run starting in a saved session) or {@code Loaded}
   * @return lines ending with a newline
   */
  public static String describe(LoadReport report, String verb) {
    long restored =
        report.variables().stream().filter(LoadReport.VariableOutcome::restored).count();
    StringBuilder sb = new StringBuilder();
    sb.append(verb)
        .append(" session '")
        .append(report.name())
        .append("' (")
        .append(report.path())
        .append("): restored ")
        .append(restored)
        .append(" of ")
        .append(report.variables().size())
        .append(" variable(s), replayed ")
        .append(report.replayedDefinitions().size())
        .append(" definition(s).\n");
    int width = report.variables().stream().mapToInt(v -> v.name().length()).max().orElse(0);
    for (LoadReport.VariableOutcome v : report.variables()) {
      sb.append("  ")
          .append(pad(v.name(), Math.min(width, 24)))
          .append("  ")
          .append(v.how())
          .append('\n');
    }
    for (String note : report.skillNotes()) {
      sb.append("  ").append(note).append('\n');
    }
    report.interrupted().ifPresent(cell -> sb.append(interrupted(cell)));
    return sb.toString();
  }

  /**
   * The lines naming the cell that was running when the previous process stopped.
   *
   * @param cell the cell
   * @return lines ending with a newline
   */
  public static String interrupted(RunningCell cell) {
    StringBuilder sb = new StringBuilder();
    sb.append("The cell that was running when the process stopped (started ")
        .append(cell.startedAt())
        .append(cell.hostPid() > 0 ? ", process " + cell.hostPid() : "")
        .append(") did not finish; its effects were not saved and are not restored:\n");
    List<String> lines = cell.code().strip().lines().toList();
    for (int i = 0; i < Math.min(CODE_LINES, lines.size()); i++) {
      String line = lines.get(i);
      sb.append("    ")
          .append(line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS - 3) + "..." : line)
          .append('\n');
    }
    if (lines.size() > CODE_LINES) {
      sb.append("    ... (").append(lines.size() - CODE_LINES).append(" more line(s))\n");
    }
    return sb.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
