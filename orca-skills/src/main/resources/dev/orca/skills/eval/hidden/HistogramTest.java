import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task histogram. */
class HistogramTest {
  @Test
  void buckets() {
    assertEquals(Map.of(0, 2, 10, 1, 20, 1), Histogram.histogram(List.of(1, 2, 11, 25), 10));
  }

  @Test
  void negative() {
    assertEquals(Map.of(-5, 1), Histogram.histogram(List.of(-1), 5));
  }

  @Test
  void ordered() {
    assertEquals(List.of(0, 30), List.copyOf(Histogram.histogram(List.of(30, 0), 10).keySet()));
  }

  @Test
  void badSize() {
    assertThrows(IllegalArgumentException.class, () -> Histogram.histogram(List.of(1), 0));
  }
}
