import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task movingAverage. */
class MovingAverageTest {
  @Test
  void pairs() {
    assertEquals(List.of(1.5, 2.5, 3.5), MovingAverage.movingAverage(List.of(1.0, 2.0, 3.0, 4.0), 2));
  }

  @Test
  void tooShort() {
    assertEquals(List.of(), MovingAverage.movingAverage(List.of(1.0), 3));
  }

  @Test
  void windowOne() {
    assertEquals(List.of(5.0, 6.0), MovingAverage.movingAverage(List.of(5.0, 6.0), 1));
  }

  @Test
  void badWindow() {
    assertThrows(IllegalArgumentException.class, () -> MovingAverage.movingAverage(List.of(1.0), 0));
  }
}
