import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reference solution of the eval task median. */
public final class Median {
  private Median() {}

  /**
   * Solves the task.
   *
   * @param values an input
   * @return the result
   */
  public static double median(List<Double> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("values must not be empty");
    }
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
  }
}
