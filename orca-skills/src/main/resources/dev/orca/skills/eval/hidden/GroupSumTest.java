import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task groupSum. */
class GroupSumTest {
  @Test
  void sums() {
    List<Map<String, Object>> rows =
        List.of(Map.of("city", "Oslo", "n", 2), Map.of("city", "Rome", "n", 1), Map.of("city", "Oslo", "n", 3.5));
    Map<String, Double> s = GroupSum.groupSum(rows, "city", "n");
    assertEquals(List.of("Oslo", "Rome"), List.copyOf(s.keySet()));
    assertEquals(5.5, s.get("Oslo"), 1e-9);
    assertEquals(1.0, s.get("Rome"), 1e-9);
  }

  @Test
  void skipsNonNumbers() {
    List<Map<String, Object>> rows = List.of(Map.of("k", "a", "v", "x"), Map.of("k", "a"));
    assertTrue(GroupSum.groupSum(rows, "k", "v").isEmpty());
  }
}
