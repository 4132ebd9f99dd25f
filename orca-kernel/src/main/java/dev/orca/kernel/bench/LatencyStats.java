package dev.orca.kernel.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Order statistics of a set of latency samples, in milliseconds.
 *
 * @param count number of samples
 * @param p50 median
 * @param p95 95th percentile
 * @param min smallest sample
 * @param max largest sample
 */
public record LatencyStats(int count, double p50, double p95, double min, double max) {

  /** Computes the statistics of samples given in nanoseconds. */
  public static LatencyStats ofNanos(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return new LatencyStats(0, 0, 0, 0, 0);
    }
    double[] ms = nanos.stream().mapToDouble(n -> n / 1_000_000.0).toArray();
    Arrays.sort(ms);
    return new LatencyStats(ms.length, rank(ms, 0.50), rank(ms, 0.95), ms[0], ms[ms.length - 1]);
  }

  private static double rank(double[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** A compact line, e.g. {@code p50 12.3 ms, p95 20.1 ms (n=50)}. */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "p50 %.1f ms, p95 %.1f ms (n=%d)", p50, p95, count);
  }
}
