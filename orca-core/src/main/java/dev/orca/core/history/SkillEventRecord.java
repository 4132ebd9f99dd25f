package dev.orca.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a learned skill.
 *
 * @param at when it happened
 * @param sessionId the session it happened in, or {@code null} (e.g. {@code orca skills approve})
 * @param skill the skill's name
 * @param version the skill's version, e.g. {@code 3}
 * @param type what happened
 * @param detailsJson details as a JSON object (e.g. {@code {"passed":5,"coverage":0.91}}); {@code
 *     "{}"} when there are none
 * @param tokensSpent model tokens this event cost (generation, review)
 * @param tokensSaved model tokens estimated saved (for {@link SkillEventType#USED})
 */
public record SkillEventRecord(
    Instant at,
    String sessionId,
    String skill,
    String version,
    SkillEventType type,
    String detailsJson,
    long tokensSpent,
    long tokensSaved) {

  /** Validates; {@code null} details become {@code "{}"}. */
  public SkillEventRecord {
    Objects.requireNonNull(at, "at");
    Checks.text(skill, "skill");
    Checks.text(version, "version");
    Objects.requireNonNull(type, "type");
    if (detailsJson == null || detailsJson.isBlank()) {
      detailsJson = "{}";
    }
    Checks.nonNegative(tokensSpent, "tokensSpent");
    Checks.nonNegative(tokensSaved, "tokensSaved");
  }

  /** An event that happened now. */
  public static SkillEventRecord of(
      String sessionId,
      String skill,
      String version,
      SkillEventType type,
      String detailsJson,
      long tokensSpent,
      long tokensSaved) {
    return new SkillEventRecord(
        Instant.now(), sessionId, skill, version, type, detailsJson, tokensSpent, tokensSaved);
  }
}
