import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task wrapText. */
class WrapTextTest {
  @Test
  void wraps() {
    assertEquals(List.of("the quick", "brown fox"), WrapText.wrapText("the quick brown fox", 10));
  }

  @Test
  void longWord() {
    assertEquals(List.of("a", "abcdefgh", "b"), WrapText.wrapText("a abcdefgh b", 3));
  }

  @Test
  void blank() {
    assertEquals(List.of(), WrapText.wrapText("   ", 5));
  }

  @Test
  void bad() {
    assertThrows(IllegalArgumentException.class, () -> WrapText.wrapText("x", 0));
  }
}
