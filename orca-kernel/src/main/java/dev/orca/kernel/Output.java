package dev.orca.kernel;

import java.util.Objects;

/**
 * What a cell printed, each stream bounded by the kernel's output cap.
 *
 * @param stdout text written to {@code System.out}
 * @param stderr text written to {@code System.err}
 * @param stdoutTruncated whether {@code stdout} was cut
 * @param stderrTruncated whether {@code stderr} was cut
 */
public record Output(
    String stdout, String stderr, boolean stdoutTruncated, boolean stderrTruncated) {

  /** No output. */
  public static final Output EMPTY = new Output("", "", false, false);

  /** Validates. */
  public Output {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** Whether either stream was cut. */
  public boolean truncated() {
    return stdoutTruncated || stderrTruncated;
  }
}
