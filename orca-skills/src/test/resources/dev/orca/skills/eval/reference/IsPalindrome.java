import java.util.Locale;

/** Reference solution of the eval task isPalindrome. */
public final class IsPalindrome {
  private IsPalindrome() {}

  /**
   * Solves the task.
   *
   * @param text an input
   * @return whether it is a palindrome
   */
  public static boolean isPalindrome(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    return new StringBuilder(s).reverse().toString().equals(s);
  }
}
