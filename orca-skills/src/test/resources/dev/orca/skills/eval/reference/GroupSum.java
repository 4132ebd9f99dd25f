import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reference solution of the eval task groupSum. */
public final class GroupSum {
  private GroupSum() {}

  /**
   * Solves the task.
   *
   * @param rows an input
   * @param key an input
   * @param value an input
   * @return the result
   */
  public static Map<String, Double> groupSum(List<Map<String, Object>> rows, String key, String value) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      if (row.get(value) instanceof Number n) {
        out.merge(String.valueOf(row.get(key)), n.doubleValue(), Double::sum);
      }
    }
    return out;
  }
}
