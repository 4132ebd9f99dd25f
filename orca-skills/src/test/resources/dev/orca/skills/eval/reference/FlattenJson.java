import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reference solution of the eval task flattenJson. */
public final class FlattenJson {
  private FlattenJson() {}

  /**
   * Solves the task.
   *
   * @param json an input
   * @return the result
   */
  public static Map<String, Object> flattenJson(Map<String, Object> json) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : json.entrySet()) {
      put(out, e.getKey(), e.getValue());
    }
    return out;
  }

  private static void put(Map<String, Object> out, String key, Object value) {
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        put(out, key + "." + e.getKey(), e.getValue());
      }
    } else if (value instanceof List<?> l && !l.isEmpty()) {
      for (int i = 0; i < l.size(); i++) {
        put(out, key + "." + i, l.get(i));
      }
    } else {
      out.put(key, value);
    }
  }
}
