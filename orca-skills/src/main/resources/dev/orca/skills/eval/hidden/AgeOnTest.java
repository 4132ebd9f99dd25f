import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task ageOn. */
class AgeOnTest {
  @Test
  void dayBefore() {
    assertEquals(23, AgeOn.ageOn(LocalDate.of(2000, 5, 20), LocalDate.of(2024, 5, 19)));
  }

  @Test
  void birthday() {
    assertEquals(24, AgeOn.ageOn(LocalDate.of(2000, 5, 20), LocalDate.of(2024, 5, 20)));
  }

  @Test
  void leapling() {
    assertEquals(23, AgeOn.ageOn(LocalDate.of(2000, 2, 29), LocalDate.of(2023, 2, 28)));
  }

  @Test
  void before() {
    assertThrows(IllegalArgumentException.class, () -> AgeOn.ageOn(LocalDate.of(2000, 1, 1), LocalDate.of(1999, 1, 1)));
  }
}
