import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;


import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task jsonEscape. */
class JsonEscapeTest {
  @Test
  void quotes() {
    assertEquals("say \\\"hi\\\"\\n", JsonEscape.jsonEscape("say \"hi\"\n"));
  }

  @Test
  void control() {
    assertEquals("\\u0001", JsonEscape.jsonEscape("\u0001"));
  }

  @Test
  void backslashAndUnicode() {
    assertEquals("a\\\\b é", JsonEscape.jsonEscape("a\\b é"));
  }
}
