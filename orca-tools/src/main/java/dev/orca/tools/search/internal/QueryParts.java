package dev.orca.tools.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a long, multi-step request into its parts ("check my balance, then send 0.05 ETH" → two
 * parts) so each tool need is searched on its own as well as within the whole query.
 */
public final class QueryParts {

  /** Queries with fewer words than this are not split. */
  public static final int MIN_WORDS = 10;

  /** At most this many parts are searched. */
  public static final int MAX_PARTS = 5;

  private static final Pattern SPLIT =
      Pattern.compile(
          "[.?!;:\\n]+\\s+|[.?!;]+$|,\\s*|\\s+(?:and then|then|after that|afterwards|and also|also"
              + "|finally|and|including|as well as|plus|before|after|so that)\\s+",
          Pattern.CASE_INSENSITIVE);

  private QueryParts() {}

  /**
   * The parts of a query worth searching separately.
   *
   * @param query the query
   * @return parts with at least three words, at most {@link #MAX_PARTS}; empty for short queries
   */
  public static List<String> split(String query) {
    String[] words = query.trim().split("\\s+");
    if (words.length < MIN_WORDS) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    for (String piece : SPLIT.split(query)) {
      String p = piece.trim();
      if (p.split("\\s+").length >= 3) {
        parts.add(p);
      }
    }
    if (parts.size() < 2) {
      return List.of();
    }
    return parts.size() > MAX_PARTS ? parts.subList(0, MAX_PARTS) : parts;
  }
}
