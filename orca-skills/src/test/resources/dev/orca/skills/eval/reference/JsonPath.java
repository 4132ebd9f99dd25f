import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reference solution of the eval task jsonPath. */
public final class JsonPath {
  private JsonPath() {}

  /**
   * Solves the task.
   *
   * @param json an input
   * @param path an input
   * @return the result
   */
  public static Object jsonPath(Map<String, Object> json, String path) {
    Object cur = json;
    Matcher m = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]").matcher(path);
    while (m.find()) {
      if (m.group(1) != null) {
        if (!(cur instanceof Map<?, ?> map)) {
          return null;
        }
        cur = map.get(m.group(1));
      } else {
        int i = Integer.parseInt(m.group(2));
        if (!(cur instanceof List<?> list) || i >= list.size()) {
          return null;
        }
        cur = list.get(i);
      }
      if (cur == null) {
        return null;
      }
    }
    return cur;
  }
}
