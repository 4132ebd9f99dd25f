import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;


import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task isPalindrome. */
class IsPalindromeTest {
  @Test
  void panama() {
    assertTrue(IsPalindrome.isPalindrome("A man, a plan, a canal: Panama"));
  }

  @Test
  void no() {
    assertFalse(IsPalindrome.isPalindrome("abc"));
  }

  @Test
  void empty() {
    assertTrue(IsPalindrome.isPalindrome(""));
  }
}
