import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;


import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task parseDuration. */
class ParseDurationTest {
  @Test
  void full() {
    assertEquals(5415, ParseDuration.parseDuration("1h30m15s"));
  }

  @Test
  void minutes() {
    assertEquals(2700, ParseDuration.parseDuration("45m"));
  }

  @Test
  void hours() {
    assertEquals(7200, ParseDuration.parseDuration("2h"));
  }

  @Test
  void bad() {
    assertThrows(IllegalArgumentException.class, () -> ParseDuration.parseDuration(""));
    assertThrows(IllegalArgumentException.class, () -> ParseDuration.parseDuration("5m1h"));
  }
}
