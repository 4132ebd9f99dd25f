import java.util.ArrayList;
import java.util.List;

/** Reference solution of the eval task movingAverage. */
public final class MovingAverage {
  private MovingAverage() {}

  /**
   * Solves the task.
   *
   * @param values an input
   * @param window an input
   * @return the result
   */
  public static List<Double> movingAverage(List<Double> values, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1");
    }
    List<Double> out = new ArrayList<>();
    double sum = 0;
    for (int i = 0; i < values.size(); i++) {
      sum += values.get(i);
      if (i >= window) {
        sum -= values.get(i - window);
      }
      if (i >= window - 1) {
        out.add(sum / window);
      }
    }
    return out;
  }
}
