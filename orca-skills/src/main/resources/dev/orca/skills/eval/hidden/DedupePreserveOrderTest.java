import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task dedupePreserveOrder. */
class DedupePreserveOrderTest {
  @Test
  void keepsFirst() {
    assertEquals(
        List.of("b", "a", "c"), DedupePreserveOrder.dedupePreserveOrder(List.of("b", "a", "b", "c", "a")));
  }

  @Test
  void dropsNulls() {
    assertEquals(List.of("x"), DedupePreserveOrder.dedupePreserveOrder(Arrays.asList("x", null, "x")));
  }

  @Test
  void empty() {
    assertEquals(List.of(), DedupePreserveOrder.dedupePreserveOrder(List.of()));
  }
}
