package dev.orca.skills;

/**
 * Asks a person whether to deploy a generated skill ({@code approval = "ask"}). The CLI answers on
 * its terminal; without a person there is none and the skill waits for {@code orca skills approve}.
 */
@FunctionalInterface
public interface ApprovalPrompt {

  /** The decision. */
  enum Decision {
    /** Deploy it. */
    APPROVE,
    /** Reject it. */
    REJECT,
    /** Decide later ({@code orca skills approve|reject NAME}). */
    LATER
  }

  /**
   * Asks.
   *
   * @param summary what was generated: name, version, gate results, findings
   * @return the person's decision
   */
  Decision ask(String summary);

  /** No person at hand: every skill waits. */
  ApprovalPrompt NONE = summary -> Decision.LATER;
}
