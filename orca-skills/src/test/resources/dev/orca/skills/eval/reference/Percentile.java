import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reference solution of the eval task percentile. */
public final class Percentile {
  private Percentile() {}

  /**
   * Solves the task.
   *
   * @param values an input
   * @param p an input
   * @return the result
   */
  public static double percentile(List<Double> values, double p) {
    if (values.isEmpty() || p <= 0 || p > 100) {
      throw new IllegalArgumentException("need values and 0 < p <= 100");
    }
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    int rank = (int) Math.ceil(p / 100.0 * s.size());
    return s.get(Math.max(1, rank) - 1);
  }
}
