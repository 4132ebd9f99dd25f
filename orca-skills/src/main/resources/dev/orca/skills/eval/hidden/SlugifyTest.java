import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;


import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task slugify. */
class SlugifyTest {
  @Test
  void basic() {
    assertEquals("hello-world", Slugify.slugify("Hello, World!"));
  }

  @Test
  void accents() {
    assertEquals("creme-brulee-2", Slugify.slugify("  Crème Brûlée 2 "));
  }

  @Test
  void onlySymbols() {
    assertEquals("", Slugify.slugify("!!!"));
  }
}
