import java.util.ArrayList;
import java.util.List;

/** Reference solution of the eval task markdownTable. */
public final class MarkdownTable {
  private MarkdownTable() {}

  /**
   * Solves the task.
   *
   * @param headers an input
   * @param rows an input
   * @return the result
   */
  public static String markdownTable(List<String> headers, List<List<String>> rows) {
    List<String> lines = new ArrayList<>();
    lines.add(row(headers));
    List<String> sep = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      sep.add("---");
    }
    lines.add(row(sep));
    for (List<String> r : rows) {
      if (r.size() != headers.size()) {
        throw new IllegalArgumentException("row length differs from headers");
      }
      lines.add(row(r));
    }
    return String.join("\n", lines);
  }

  private static String row(List<String> cells) {
    StringBuilder b = new StringBuilder("|");
    for (String c : cells) {
      b.append(' ').append(c.trim().replace("|", "\\|")).append(" |");
    }
    return b.toString();
  }
}
