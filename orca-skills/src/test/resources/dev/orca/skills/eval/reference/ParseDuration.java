import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reference solution of the eval task parseDuration. */
public final class ParseDuration {
  private ParseDuration() {}

  /**
   * Solves the task.
   *
   * @param text an input
   * @return the result
   */
  public static long parseDuration(String text) {
    Matcher m = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?").matcher(text);
    if (text.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    return part(m.group(1)) * 3600 + part(m.group(2)) * 60 + part(m.group(3));
  }

  private static long part(String g) {
    return g == null ? 0 : Long.parseLong(g);
  }
}
