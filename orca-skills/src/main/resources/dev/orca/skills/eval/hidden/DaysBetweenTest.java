import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;


import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task daysBetween. */
class DaysBetweenTest {
  @Test
  void leap() {
    assertEquals(3, DaysBetween.daysBetween("2024-02-27", "2024-03-01"));
  }

  @Test
  void backwards() {
    assertEquals(-1, DaysBetween.daysBetween("2024-01-02", "2024-01-01"));
  }

  @Test
  void bad() {
    assertThrows(IllegalArgumentException.class, () -> DaysBetween.daysBetween("2024/01/01", "2024-01-01"));
  }
}
