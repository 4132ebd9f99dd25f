import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reference solution of the eval task wordFrequencies. */
public final class WordFrequencies {
  private WordFrequencies() {}

  /**
   * Solves the task.
   *
   * @param text an input
   * @return the result
   */
  public static Map<String, Integer> wordFrequencies(String text) {
    Map<String, Integer> counts = new HashMap<>();
    Matcher m = Pattern.compile("[\\p{L}\\p{N}']+").matcher(text);
    while (m.find()) {
      counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
