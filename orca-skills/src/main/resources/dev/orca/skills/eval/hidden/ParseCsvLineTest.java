import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task parseCsvLine. */
class ParseCsvLineTest {
  @Test
  void quotedComma() {
    assertEquals(List.of("a", "b,c", "d"), ParseCsvLine.parseCsvLine("a,\"b,c\",d"));
  }

  @Test
  void doubledQuote() {
    assertEquals(List.of("he said \"hi\"", "x"), ParseCsvLine.parseCsvLine("\"he said \"\"hi\"\"\",x"));
  }

  @Test
  void emptyFields() {
    assertEquals(List.of("", "", ""), ParseCsvLine.parseCsvLine(",,"));
    assertEquals(List.of(""), ParseCsvLine.parseCsvLine(""));
  }

  @Test
  void unterminated() {
    assertThrows(IllegalArgumentException.class, () -> ParseCsvLine.parseCsvLine("\"abc"));
  }
}
