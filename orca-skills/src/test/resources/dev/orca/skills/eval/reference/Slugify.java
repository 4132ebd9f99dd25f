import java.text.Normalizer;
import java.util.Locale;

/** Reference solution of the eval task slugify. */
public final class Slugify {
  private Slugify() {}

  /**
   * Solves the task.
   *
   * @param title an input
   * @return the result
   */
  public static String slugify(String title) {
    String s = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return s.replaceAll("^-+|-+$", "");
  }
}
