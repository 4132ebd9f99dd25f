import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reference solution of the eval task histogram. */
public final class Histogram {
  private Histogram() {}

  /**
   * Solves the task.
   *
   * @param values an input
   * @param bucketSize an input
   * @return the result
   */
  public static Map<Integer, Integer> histogram(List<Integer> values, int bucketSize) {
    if (bucketSize < 1) {
      throw new IllegalArgumentException("bucketSize must be at least 1");
    }
    Map<Integer, Integer> out = new TreeMap<>();
    for (int v : values) {
      out.merge(Math.floorDiv(v, bucketSize) * bucketSize, 1, Integer::sum);
    }
    return out;
  }
}
