package dev.orca.skills.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.SkillEventRecord;
import dev.orca.core.history.SkillEventType;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes the per-skill record to {@code history.db}: generation rounds, tests and coverage, review
 * outcome, approvals, deployments, rollbacks and uses with tokens spent and saved. A missing store
 * records nothing.
 */
public final class SkillHistory {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HistoryStore store;
  private final Supplier<String> sessionId;

  /**
   * Creates a recorder.
   *
   * @param store the history, or {@code null} for none
   * @param sessionId the current session's id (may supply {@code null})
   */
  public SkillHistory(HistoryStore store, Supplier<String> sessionId) {
    this.store = store;
    this.sessionId = sessionId == null ? () -> null : sessionId;
  }

  /**
   * Records an event.
   *
   * @param skill the skill's name
   * @param version its version
   * @param type what happened
   * @param details fills the details object
   * @param tokensSpent tokens spent
   * @param tokensSaved tokens saved
   */
  public void record(
      String skill,
      int version,
      SkillEventType type,
      Consumer<ObjectNode> details,
      long tokensSpent,
      long tokensSaved) {
    if (store == null) {
      return;
    }
    ObjectNode d = JSON.createObjectNode();
    if (details != null) {
      details.accept(d);
    }
    store.recordSkillEvent(
        SkillEventRecord.of(
            sessionId.get(),
            skill,
            Integer.toString(Math.max(1, version)),
            type,
            d.toString(),
            Math.max(0, tokensSpent),
            Math.max(0, tokensSaved)));
  }

  /** Whether events are recorded. */
  public boolean enabled() {
    return store != null;
  }
}
