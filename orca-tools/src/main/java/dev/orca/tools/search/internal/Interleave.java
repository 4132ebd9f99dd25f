package dev.orca.tools.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Round-robin merge of rankings into one diversified ranking: in each round every ranking adds its
 * best item not taken yet, the first (main) ranking first, and in the first round the main ranking
 * adds {@code head} items; rounds go on until every ranking is used up. Used to give each need of a
 * multi-step request (each part of the query) its own slots near the top instead of fusing scores,
 * where the need with the most matching tools would fill the list.
 */
public final class Interleave {

  private Interleave() {}

  /**
   * Merges rankings.
   *
   * @param rankings best first each; the first is the main ranking (e.g. the whole query's)
   * @param head how many items the main ranking adds in the first round (at least 1; 1 is a plain
   *     round robin)
   * @param <T> the item type
   * @return every distinct item, in interleaved order
   */
  public static <T> List<T> roundRobin(List<List<T>> rankings, int head) {
    if (head < 1) {
      throw new IllegalArgumentException("head must be at least 1, got " + head);
    }
    Set<T> taken = new LinkedHashSet<>();
    if (rankings.isEmpty()) {
      return List.of();
    }
    int[] next = new int[rankings.size()];
    boolean progressed = true;
    for (int round = 0; progressed; round++) {
      progressed = false;
      for (int r = 0; r < rankings.size(); r++) {
        int turns = r == 0 && round == 0 ? head : 1;
        for (int t = 0; t < turns; t++) {
          List<T> ranking = rankings.get(r);
          while (next[r] < ranking.size() && taken.contains(ranking.get(next[r]))) {
            next[r]++;
          }
          if (next[r] < ranking.size()) {
            taken.add(ranking.get(next[r]++));
            progressed = true;
          }
        }
      }
    }
    return new ArrayList<>(taken);
  }
}
