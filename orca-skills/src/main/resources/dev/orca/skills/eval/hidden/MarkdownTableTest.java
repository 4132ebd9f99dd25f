import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task markdownTable. */
class MarkdownTableTest {
  @Test
  void simple() {
    assertEquals(
        "| a | b |\n| --- | --- |\n| 1 | 2 |",
        MarkdownTable.markdownTable(List.of("a", "b"), List.of(List.of("1", "2"))));
  }

  @Test
  void escapes() {
    assertEquals(
        "| x |\n| --- |\n| a\\|b |", MarkdownTable.markdownTable(List.of("x"), List.of(List.of(" a|b "))));
  }

  @Test
  void ragged() {
    assertThrows(
        IllegalArgumentException.class, () -> MarkdownTable.markdownTable(List.of("x"), List.of(List.of())));
  }
}
