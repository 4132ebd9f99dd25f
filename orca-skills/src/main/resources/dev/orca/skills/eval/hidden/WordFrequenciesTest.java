import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task wordFrequencies. */
class WordFrequenciesTest {
  @Test
  void counts() {
    Map<String, Integer> f = WordFrequencies.wordFrequencies("The cat and the hat");
    assertEquals(List.of("the", "and", "cat", "hat"), List.copyOf(f.keySet()));
    assertEquals(2, f.get("the"));
  }

  @Test
  void apostrophes() {
    assertEquals(Map.of("don't", 2), WordFrequencies.wordFrequencies("Don't, don't!"));
  }

  @Test
  void empty() {
    assertTrue(WordFrequencies.wordFrequencies("  ... ").isEmpty());
  }
}
