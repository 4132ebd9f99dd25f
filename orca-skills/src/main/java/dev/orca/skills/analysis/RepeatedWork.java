package dev.orca.skills.analysis;

import java.util.List;
import java.util.Objects;

/**
 * Repeated work found in the history: a cell shape or a sequence of tool calls that recurs.
 *
 * @param kind {@code cell} (the same normalized code) or {@code tool_sequence} (the same tools
 *     called in the same order)
 * @param fingerprint the normalized-AST fingerprint, or the tool ids joined with {@code " > "}
 * @param count how many times it occurred
 * @param sessions in how many sessions
 * @param tokens model tokens the occurrences cost in total (estimated where not recorded)
 * @param estimatedSaving tokens a learned function would have saved over these occurrences
 * @param example one concrete occurrence (a cell's code, or the tool ids)
 * @param examples up to five concrete occurrences, most recent last
 * @param executionIds the history rows of the occurrences (cells only)
 * @param suggestedName a name for the function
 * @param suggestion what to do, in one sentence
 */
public record RepeatedWork(
    String kind,
    String fingerprint,
    int count,
    int sessions,
    long tokens,
    long estimatedSaving,
    String example,
    List<String> examples,
    List<Long> executionIds,
    String suggestedName,
    String suggestion) {

  /** Validates and copies. */
  public RepeatedWork {
    if (!"cell".equals(kind) && !"tool_sequence".equals(kind)) {
      throw new IllegalArgumentException("kind must be cell or tool_sequence, was " + kind);
    }
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(example, "example");
    examples = List.copyOf(examples);
    executionIds = List.copyOf(executionIds);
    Objects.requireNonNull(suggestedName, "suggestedName");
    Objects.requireNonNull(suggestion, "suggestion");
  }

  /**
   * A short id that stays the same while the work does ({@code orca analyze --generate ID}): {@code
   * c} and 8 hex digits of the fingerprint for cells, {@code t} and 8 hex digits of the tools' hash
   * for tool sequences.
   */
  public String id() {
    String hex = fingerprint.substring(fingerprint.indexOf(':') + 1);
    if (!"cell".equals(kind) || !hex.matches("[0-9a-f]{8,}")) {
      hex = dev.orca.skills.store.SkillStore.sha256(fingerprint).replaceFirst("^sha256:", "");
    }
    return ("cell".equals(kind) ? "c" : "t") + hex.substring(0, 8);
  }
}
