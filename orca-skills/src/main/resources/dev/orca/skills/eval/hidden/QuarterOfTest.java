import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task quarterOf. */
class QuarterOfTest {
  @Test
  void first() {
    assertEquals("2024-Q1", QuarterOf.quarterOf(LocalDate.of(2024, 2, 10)));
  }

  @Test
  void last() {
    assertEquals("2023-Q4", QuarterOf.quarterOf(LocalDate.of(2023, 12, 31)));
  }

  @Test
  void boundary() {
    assertEquals("2024-Q2", QuarterOf.quarterOf(LocalDate.of(2024, 4, 1)));
  }
}
