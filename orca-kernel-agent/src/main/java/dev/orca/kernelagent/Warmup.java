package dev.orca.kernelagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.engine.SnippetEngine;
import dev.orca.kernelagent.policy.ClassGuard;
import dev.orca.kernelagent.values.ValueCodec;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Trains a spare kernel's JIT while it waits to be used: a spare is started ahead of time so a
 * restore or restart does not pay for a new JVM, and without training its first restore would still
 * run cold (most of a cold restore's CPU is the JIT compiling JSON decoding, the compiler and the
 * channel, measured with {@code -XX:+CITime}).
 *
 * <p>The training runs on throwaway {@link SnippetEngine}s of its own, so nothing it defines is
 * visible to the kernel's real engine: it runs cells that build the value kinds sessions hold
 * (records, lists, maps, arrays, tables, strings, dates, numbers), takes a snapshot, writes and
 * reads it as the channel would, restores it into a second throwaway engine and runs a cell that
 * uses the restored variables, {@value #ROUNDS} times over. It runs step by step on its own thread;
 * the first real request {@linkplain #abort() aborts} it, waiting at most for the step in progress.
 * A failing step ends the training quietly: it only ever makes the kernel faster.
 */
final class Warmup implements Runnable {
  /**
   * Rounds of training. Six rounds of 5,000–15,000 items brought the trained spare's restore in
   * {@code bin/orca bench sessions} from about 0.8 s (three rounds) to about 0.5 s, for about twice
   * the training's CPU (spent while the kernel is idle) and, then, a larger idle spare (about 570
   * MiB resident instead of 430; since {@code release()} and a heap that shrinks, about 300 MiB).
   * Smaller items (2,000–6,000) saved little memory and lost most of the gain.
   */
  static final int ROUNDS = 6;

  /** Full collections it takes the serial collector to give all of a heap's excess back. */
  private static final int SHRINKING_COLLECTIONS = 4;

  /** Cells that build the training data; {@code %d} is the size of the round. */
  private static final List<String> CELLS =
      List.of(
          "record WarmItem(long id, String label, double amount, LocalDate day, List<String> tags)"
              + " {}",
          "List<WarmItem> warmItems = LongStream.range(0, %d).mapToObj(i -> new WarmItem(i,"
              + " \"item \" + i, i * 1.25, LocalDate.of(2026, 1, 1).plusDays(i %% 400),"
              + " List.of(\"a\" + (i %% 7), \"b\"))).collect(Collectors.toList());",
          "Map<String, Double> warmTotals = warmItems.stream().collect(Collectors.toMap("
              + "WarmItem::label, WarmItem::amount, (x, y) -> x, LinkedHashMap::new));",
          "Table warmTable = Table.create(\"warm\", LongColumn.create(\"id\", warmItems.stream()"
              + ".mapToLong(WarmItem::id).toArray()), StringColumn.create(\"label\","
              + " warmItems.stream().map(WarmItem::label).toArray(String[]::new)),"
              + " DoubleColumn.create(\"amount\", warmItems.stream().mapToDouble(WarmItem::amount)"
              + ".toArray()), DateColumn.create(\"day\", warmItems.stream().map(WarmItem::day)"
              + ".toArray(LocalDate[]::new)));",
          "int[] warmInts = IntStream.range(0, %d).toArray();",
          "String warmText = \"warm up the kernel \".repeat(%d / 4 + 1);",
          "BigDecimal warmSum = BigDecimal.valueOf(warmItems.size()).multiply(new"
              + " BigDecimal(\"1.25\"));",
          "Instant warmWhen = Instant.parse(\"2026-01-01T00:00:00Z\");");

  /** A cell that uses every restored variable, so they are declared as a real cell would. */
  private static final String USE =
      "long warmCheck = warmItems.size() + warmTotals.size() + warmTable.rowCount()"
          + " + warmInts.length + warmText.length() + warmSum.intValue() + warmWhen.getNano();";

  private final ClassGuard guard;
  private final int valueCap;
  private final Runnable whenTrained;
  private final ReentrantLock step = new ReentrantLock();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean aborted;
  private volatile int completedRounds;
  private volatile Throwable failure;

  /**
   * Creates the training.
   *
   * @param guard the class guard the kernel's own engine uses (training code is checked alike)
   * @param valueCap the kernel's value cap
   * @param whenTrained called once every round has run to the end (the kernel tells the host)
   */
  Warmup(ClassGuard guard, int valueCap, Runnable whenTrained) {
    this.guard = guard;
    this.valueCap = valueCap;
    this.whenTrained = whenTrained;
  }

  /** Starts the training on a daemon thread, once, unless it was aborted already. */
  void start() {
    if (aborted || !started.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(this, "orca-kernel-warmup");
    t.setDaemon(true);
    t.start();
  }

  /** Stops the training, waiting for the step in progress to end. Safe to call more than once. */
  void abort() {
    aborted = true;
    step.lock();
    step.unlock();
  }

  @Override
  public void run() {
    OutputCapture out = new OutputCapture(4096);
    OutputCapture err = new OutputCapture(4096);
    try {
      for (int round = 0; round < ROUNDS && !aborted; round++) {
        if (train(round, out, err)) {
          completedRounds++;
        }
      }
      if (completedRounds == ROUNDS && step(Warmup::release) != null) {
        whenTrained.run();
      }
    } catch (RuntimeException | IOException | LinkageError e) {
      // Training only makes the kernel faster; a failure leaves it as it would have been.
      failure = e;
      aborted = true;
    }
  }

  /**
   * Lets the training's data go: the codec's type caches still hold the throwaway engines' classes
   * (and through them all their variables) until they are forgotten. Full collections then give the
   * memory back, so an idle spare holds little: the serial collector shrinks the heap after each
   * one, but by a growing share of the excess only (none, 10%, 40%, then all of it), so it takes
   * {@value #SHRINKING_COLLECTIONS}.
   */
  private static Boolean release() {
    ValueCodec.forgetTypes();
    for (int i = 0; i < SHRINKING_COLLECTIONS; i++) {
      System.gc();
    }
    return Boolean.TRUE;
  }

  /** Rounds that ran to the end. For tests. */
  int completedRounds() {
    return completedRounds;
  }

  /** What ended the training early, or null. For tests. */
  Throwable failure() {
    return failure;
  }

  /** One round; true when it ran to the end and every cell succeeded. */
  private boolean train(int round, OutputCapture out, OutputCapture err) throws IOException {
    int size = 5_000 * (1 + round % 3); // 5,000 to 15,000 items
    SnippetEngine source = step(() -> new SnippetEngine(guard, out, err, valueCap));
    if (source == null) {
      return false;
    }
    SnippetEngine target = null;
    try {
      for (String cell : CELLS) {
        String code = cell.contains("%d") ? String.format(cell, size) : cell;
        ObjectNode result = step(() -> source.execute(code));
        if (result == null) {
          return false;
        }
        if (!"success".equals(result.path("status").asText())) {
          throw new IllegalStateException("training cell failed: " + result);
        }
      }
      ObjectNode snapshot = step(source::snapshot);
      if (snapshot == null) {
        return false;
      }
      // The path a restore request takes: written by the host, read as one line by the kernel.
      String line = Channel.JSON.writeValueAsString(snapshot);
      JsonNode request = step(() -> readTree(line));
      if (request == null) {
        return false;
      }
      target = step(() -> new SnippetEngine(guard, out, err, valueCap));
      SnippetEngine restored = target;
      ObjectNode report = restored == null ? null : step(() -> restored.restore(request));
      if (report == null) {
        return false;
      }
      if (report.path("lost").size() > 0) {
        throw new IllegalStateException("training restore lost variables: " + report);
      }
      ObjectNode used = step(() -> restored.execute(USE));
      if (used == null) {
        return false;
      }
      if (!"success".equals(used.path("status").asText())) {
        throw new IllegalStateException("training cell failed: " + used);
      }
      return step(restored::snapshot) != null;
    } finally {
      source.close();
      if (target != null) {
        target.close();
      }
      out.drain();
      err.drain();
    }
  }

  private static JsonNode readTree(String line) {
    try {
      return Channel.JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one step unless aborted; null when aborted. */
  private <T> T step(Supplier<T> work) {
    step.lock();
    try {
      return aborted ? null : work.get();
    } finally {
      step.unlock();
    }
  }
}
