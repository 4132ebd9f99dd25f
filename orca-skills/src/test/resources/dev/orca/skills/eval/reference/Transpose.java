import java.util.ArrayList;
import java.util.List;

/** Reference solution of the eval task transpose. */
public final class Transpose {
  private Transpose() {}

  /**
   * Solves the task.
   *
   * @param rows an input
   * @return the result
   */
  public static List<List<String>> transpose(List<List<String>> rows) {
    List<List<String>> out = new ArrayList<>();
    if (rows.isEmpty()) {
      return out;
    }
    int width = rows.get(0).size();
    for (List<String> r : rows) {
      if (r.size() != width) {
        throw new IllegalArgumentException("rows differ in length");
      }
    }
    for (int c = 0; c < width; c++) {
      List<String> col = new ArrayList<>();
      for (List<String> r : rows) {
        col.add(r.get(c));
      }
      out.add(col);
    }
    return out;
  }
}
