import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Reference solution of the eval task dedupePreserveOrder. */
public final class DedupePreserveOrder {
  private DedupePreserveOrder() {}

  /**
   * Solves the task.
   *
   * @param values an input
   * @return the result
   */
  public static List<String> dedupePreserveOrder(List<String> values) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null) {
        seen.add(v);
      }
    }
    return new ArrayList<>(seen);
  }
}
