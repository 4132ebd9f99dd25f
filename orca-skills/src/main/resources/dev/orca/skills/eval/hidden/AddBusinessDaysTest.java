import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task addBusinessDays. */
class AddBusinessDaysTest {
  @Test
  void overWeekend() {
    assertEquals(LocalDate.of(2024, 5, 6), AddBusinessDays.addBusinessDays(LocalDate.of(2024, 5, 3), 1));
  }

  @Test
  void backwards() {
    assertEquals(LocalDate.of(2024, 5, 3), AddBusinessDays.addBusinessDays(LocalDate.of(2024, 5, 6), -1));
  }

  @Test
  void tenDays() {
    assertEquals(LocalDate.of(2024, 5, 20), AddBusinessDays.addBusinessDays(LocalDate.of(2024, 5, 6), 10));
  }

  @Test
  void zero() {
    assertEquals(LocalDate.of(2024, 5, 4), AddBusinessDays.addBusinessDays(LocalDate.of(2024, 5, 4), 0));
  }
}
