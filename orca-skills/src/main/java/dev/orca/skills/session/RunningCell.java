package dev.orca.skills.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A cell that was running when the session's last checkpoint was written and never finished: the
 * kernel or the host died under it. Its effects are not in the checkpoint.
 *
 * @param code the cell's source
 * @param startedAt when it started
 * @param hostPid the host process that ran it
 */
public record RunningCell(String code, Instant startedAt, long hostPid) {
  /** Validates. */
  public RunningCell {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  /** One line for a person or a model. */
  public String describe() {
    String first = code.strip().lines().findFirst().orElse("");
    if (first.length() > 120) {
      first = first.substring(0, 117) + "...";
    }
    return "A cell was running when the session stopped (started "
        + startedAt
        + ", host pid "
        + hostPid
        + ") and did not finish; its effects were not saved: "
        + first;
  }
}
