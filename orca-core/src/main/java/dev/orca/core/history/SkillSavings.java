package dev.orca.core.history;

/**
 * What one learned skill has cost and saved so far.
 *
 * @param skill the skill's name
 * @param uses how many times it was used
 * @param tokensSpent tokens spent creating it (generation, tests, review)
 * @param tokensSaved tokens its uses are estimated to have saved
 */
public record SkillSavings(String skill, long uses, long tokensSpent, long tokensSaved) {
  /** Validates. */
  public SkillSavings {
    Checks.text(skill, "skill");
  }

  /** Saved minus spent: positive once the skill has paid for itself. */
  public long net() {
    return tokensSaved - tokensSpent;
  }
}
