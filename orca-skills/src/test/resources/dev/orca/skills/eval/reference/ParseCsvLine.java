import java.util.ArrayList;
import java.util.List;

/** Reference solution of the eval task parseCsvLine. */
public final class ParseCsvLine {
  private ParseCsvLine() {}

  /**
   * Solves the task.
   *
   * @param line an input
   * @return the result
   */
  public static List<String> parseCsvLine(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quote");
    }
    out.add(f.toString());
    return out;
  }
}
