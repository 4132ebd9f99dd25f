package dev.orca.agent.provider.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses {@code retry-after} (seconds or an HTTP date) and {@code retry-after-ms} headers. */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * Reads the delay a server asked for.
   *
   * @param headers response headers (any case)
   * @param now the current time, for HTTP dates
   * @return the delay, or {@code null} when the headers ask for none
   */
  public static Duration parse(Map<String, List<String>> headers, Instant now) {
    String ms = header(headers, "retry-after-ms");
    if (ms != null) {
      try {
        return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms)));
      } catch (NumberFormatException e) {
        // fall through to retry-after
      }
    }
    String value = header(headers, "retry-after");
    if (value == null) {
      return null;
    }
    try {
      double seconds = Double.parseDouble(value);
      return Duration.ofMillis(Math.max(0, (long) (seconds * 1000)));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null
          && e.getKey().toLowerCase(Locale.ROOT).equals(name)
          && !e.getValue().isEmpty()) {
        return e.getValue().get(0).trim();
      }
    }
    return null;
  }
}
