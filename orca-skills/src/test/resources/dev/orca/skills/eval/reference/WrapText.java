import java.util.ArrayList;
import java.util.List;

/** Reference solution of the eval task wrapText. */
public final class WrapText {
  private WrapText() {}

  /**
   * Solves the task.
   *
   * @param text an input
   * @param width an input
   * @return the result
   */
  public static List<String> wrapText(String text, int width) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be at least 1");
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String w : text.trim().split("\\s+")) {
      if (w.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && line.length() + 1 + w.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(w);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
