package dev.orca.skills.eval;

import java.util.Objects;

/**
 * The outcome of one eval task.
 *
 * @param task the task's function name
 * @param category its category
 * @param firstTryCompiled whether the first generated source compiled
 * @param gatePassed whether it passed Orca's gate (its own tests, coverage, review)
 * @param hiddenPassed whether the final source passed the hidden reference tests
 * @param rounds generation rounds used
 * @param tokens tokens spent
 * @param note the hidden tests' summary or the error
 */
public record EvalResult(
    String task,
    String category,
    boolean firstTryCompiled,
    boolean gatePassed,
    boolean hiddenPassed,
    int rounds,
    long tokens,
    String note) {
  /** Validates. */
  public EvalResult {
    Objects.requireNonNull(task, "task");
    note = Objects.requireNonNullElse(note, "");
  }
}
