package dev.orca.skills.analysis;

import dev.orca.core.history.SkillSavings;
import java.util.List;

/**
 * What learned functions and agents have saved so far (from the history's {@code used} events).
 *
 * @param uses how many times learned skills were used
 * @param tokensSaved tokens their uses are estimated to have saved
 * @param tokensSpent tokens spent creating them
 * @param bySkill per skill, most saved first
 */
public record Savings(long uses, long tokensSaved, long tokensSpent, List<SkillSavings> bySkill) {
  /** Copies. */
  public Savings {
    bySkill = List.copyOf(bySkill);
  }

  /** Saved minus spent. */
  public long net() {
    return tokensSaved - tokensSpent;
  }
}
