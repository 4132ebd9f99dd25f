import java.util.Locale;

/** Reference solution of the eval task camelToSnake. */
public final class CamelToSnake {
  private CamelToSnake() {}

  /**
   * Solves the task.
   *
   * @param name an input
   * @return the result
   */
  public static String camelToSnake(String name) {
    String s = name.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
    s = s.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    return s.toLowerCase(Locale.ROOT);
  }
}
