import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task transpose. */
class TransposeTest {
  @Test
  void twoByThree() {
    assertEquals(
        List.of(List.of("a", "d"), List.of("b", "e"), List.of("c", "f")),
        Transpose.transpose(List.of(List.of("a", "b", "c"), List.of("d", "e", "f"))));
  }

  @Test
  void empty() {
    assertEquals(List.of(), Transpose.transpose(List.of()));
  }

  @Test
  void ragged() {
    assertThrows(IllegalArgumentException.class, () -> Transpose.transpose(List.of(List.of("a"), List.of())));
  }
}
