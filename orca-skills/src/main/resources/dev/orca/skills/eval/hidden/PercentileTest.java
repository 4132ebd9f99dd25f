import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task percentile. */
class PercentileTest {
  @Test
  void forty() {
    assertEquals(20.0, Percentile.percentile(List.of(15.0, 20.0, 35.0, 40.0, 50.0), 40), 1e-9);
  }

  @Test
  void hundred() {
    assertEquals(50.0, Percentile.percentile(List.of(50.0, 15.0, 20.0, 35.0, 40.0), 100), 1e-9);
  }

  @Test
  void small() {
    assertEquals(15.0, Percentile.percentile(List.of(15.0, 20.0, 35.0, 40.0, 50.0), 5), 1e-9);
  }

  @Test
  void bad() {
    assertThrows(IllegalArgumentException.class, () -> Percentile.percentile(List.of(1.0), 0));
    assertThrows(IllegalArgumentException.class, () -> Percentile.percentile(List.of(), 50));
  }
}
