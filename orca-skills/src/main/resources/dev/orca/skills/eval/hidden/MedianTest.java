import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task median. */
class MedianTest {
  @Test
  void odd() {
    assertEquals(2.0, Median.median(List.of(3.0, 1.0, 2.0)), 1e-9);
  }

  @Test
  void even() {
    assertEquals(2.5, Median.median(List.of(4.0, 1.0, 3.0, 2.0)), 1e-9);
  }

  @Test
  void single() {
    assertEquals(7.0, Median.median(List.of(7.0)), 1e-9);
  }

  @Test
  void empty() {
    assertThrows(IllegalArgumentException.class, () -> Median.median(List.of()));
  }
}
