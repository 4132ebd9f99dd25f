package dev.orca.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.OrcaException;
import dev.orca.kernel.internal.ChildProcess;
import dev.orca.kernel.internal.KernelLauncher;
import dev.orca.kernel.internal.KernelState;
import dev.orca.kernel.internal.Replies;
import dev.orca.kernel.internal.SpareChild;
import dev.orca.kernel.sandbox.OsSandbox;
import dev.orca.kernel.sandbox.OsSandboxes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The kernel: JShell running in a child JVM (never in the host), reached over pipes.
 *
 * <p>A cell that overruns its timeout is stopped softly (the kernel keeps its state); if it does
 * not stop within {@link #STOP_GRACE}, or the child dies (out of memory, crash, killed), the child
 * is replaced: definitions are replayed and variables restored from their last checkpoint (taken
 * after every cell, as JSON), and the result says precisely what was lost. The host never dies with
 * its kernel.
 *
 * <p>With {@link KernelOptions#spareKernel()}, a second kernel JVM is kept started and trained
 * ahead of time (see {@link SpareChild}); a restore or a rebuild takes it instead of starting a
 * JVM, and a new spare follows a few seconds later, when no cell is running.
 */
public final class JShellKernel implements Kernel {
  private static final Logger LOG = Logger.getLogger(JShellKernel.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long a stopped cell may take to actually stop before the child is killed. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(3);

  /** Largest cell accepted, in characters. */
  public static final int MAX_CELL_CHARS = 1_000_000;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** How long after it is needed a spare JVM is started; while a cell runs, it waits again. */
  private static final Duration SPARE_DELAY = Duration.ofSeconds(3);

  private static final long POLL_MILLIS = 25;

  private final KernelOptions options;
  private final KernelLauncher launcher;
  private final ExecutorService bridgeExecutor;
  private final ReentrantLock busy = new ReentrantLock();
  private final KernelState state = new KernelState();
  private volatile ChildProcess child;
  private volatile boolean interruptRequested;
  private volatile boolean closed;
  private volatile Duration lastStartTime = Duration.ZERO;
  private volatile String javaVersion = "";

  /** The pre-started kernel JVM restores and restarts take, or null when not kept. */
  private final SpareChild spare;

  private JShellKernel(KernelOptions options, OsSandbox osSandbox) {
    this.options = options;
    this.launcher = new KernelLauncher(options, osSandbox);
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            64,
            64,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "orca-bridge");
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    this.bridgeExecutor = pool;
    this.spare =
        options.spareKernel()
            ? new SpareChild(this::startChild, () -> !busy.isLocked(), SPARE_DELAY)
            : null;
  }

  /**
   * Starts a kernel and waits until it can run cells.
   *
   * @param options how to start it
   * @return the running kernel
   * @throws dev.orca.core.ConfigurationException when the sandbox mode cannot be honoured
   */
  public static JShellKernel start(KernelOptions options) {
    Objects.requireNonNull(options, "options");
    OsSandbox os = options.sandbox() == SandboxMode.OFF ? OsSandbox.NONE : OsSandboxes.detect();
    JShellKernel kernel = new JShellKernel(options, os);
    kernel.child = kernel.launch();
    kernel.replenishSpare();
    return kernel;
  }

  /** Takes the spare kernel JVM if one is ready or starting, else starts one. */
  private ChildProcess launch() {
    long t0 = System.nanoTime();
    ChildProcess started = spare == null ? null : spare.take(START_TIMEOUT).orElse(null);
    if (started == null) {
      started = startChild();
    }
    lastStartTime = Duration.ofNanos(System.nanoTime() - t0);
    javaVersion = started.readyMessage().path("javaVersion").asText("");
    return started;
  }

  private ChildProcess startChild() {
    return launcher.start(options.bridge(), bridgeExecutor, START_TIMEOUT);
  }

  private void replenishSpare() {
    if (spare != null && !closed) {
      spare.replenish();
    }
  }

  /**
   * Whether a spare kernel JVM is running and ready for the next restore or restart (see {@link
   * KernelOptions#spareKernel()}). For benchmarks, tests and diagnostics.
   */
  public boolean spareReady() {
    return spare != null && spare.ready();
  }

  /**
   * Whether a spare kernel JVM is ready and has finished training its JIT, so a restore now runs
   * warm. For benchmarks and tests.
   */
  public boolean spareTrained() {
    return spare != null && spare.trained();
  }

  /** The ready spare kernel JVM's process id, or -1 when there is none. For tests. */
  public long sparePid() {
    return spare == null ? -1 : spare.pid();
  }

  @Override
  public ExecutionResult execute(String code, Duration timeout) {
    Objects.requireNonNull(code, "code");
    if (code.isBlank()) {
      throw OrcaException.invalid(
          "The cell is empty: send Java code (statements, declarations or an expression).");
    }
    if (code.length() > MAX_CELL_CHARS) {
      throw OrcaException.invalid(
          "The cell has "
              + code.length()
              + " characters; the limit is "
              + MAX_CELL_CHARS
              + ". Put large data in a workspace file and read it from code, e.g."
              + " Files.readString(Path.of(\"data.txt\")).");
    }
    Duration limit = clamp(timeout);
    busy.lock();
    try {
      ensureOpen();
      long t0 = System.nanoTime();
      ChildProcess current = child;
      if (!current.alive()) {
        String cause = "the kernel process had died before this cell (" + deathOf(current) + ")";
        RestoreReport report = rebuild();
        return new ExecutionResult.Died(
            cause + "; it was restarted and the cell was not run: run it again",
            report,
            Output.EMPTY,
            since(t0));
      }
      interruptRequested = false;
      ObjectNode body = JSON.createObjectNode();
      body.put("code", code);
      CompletableFuture<JsonNode> reply = current.request("execute", body);
      return await(reply, current, t0, limit);
    } finally {
      busy.unlock();
    }
  }

  private ExecutionResult await(
      CompletableFuture<JsonNode> reply, ChildProcess current, long t0, Duration limit) {
    long deadline = t0 + limit.toNanos();
    long stopSentAt = 0;
    String stopReason = null;
    while (true) {
      try {
        JsonNode result = reply.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        state.apply(result);
        return Replies.execution(result, options.outputCapChars(), since(t0), stopReason);
      } catch (TimeoutException e) {
        long now = System.nanoTime();
        if (stopSentAt == 0 && (interruptRequested || now >= deadline)) {
          stopReason =
              interruptRequested
                  ? "interrupted"
                  : "timed out after " + limit.toSeconds() + " s (the kernel kept its state)";
          current.stop();
          stopSentAt = now;
        } else if (stopSentAt != 0 && now - stopSentAt > STOP_GRACE.toNanos()) {
          String cause =
              "the cell "
                  + (interruptRequested
                      ? "was interrupted"
                      : "timed out after " + limit.toSeconds() + " s")
                  + " and did not stop within "
                  + STOP_GRACE.toSeconds()
                  + " s, so the kernel was killed and rebuilt";
          RestoreReport report = rebuild();
          return new ExecutionResult.Died(cause, report, Output.EMPTY, since(t0));
        }
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ChildProcess.ChildDiedException) {
          RestoreReport report = rebuild();
          return new ExecutionResult.Died(
              cause.getMessage() + " while running this cell", report, Output.EMPTY, since(t0));
        }
        throw OrcaException.transientFailure("the kernel failed: " + cause.getMessage(), cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        current.stop();
        throw OrcaException.transientFailure("interrupted while waiting for the kernel", e);
      }
    }
  }

  private RestoreReport rebuild() {
    ChildProcess old = child;
    if (old != null) {
      old.kill();
    }
    child = launch();
    replenishSpare();
    ObjectNode request = JSON.createObjectNode();
    ArrayNode defs = request.putArray("definitions");
    for (KernelSnapshot.Definition d : state.definitions()) {
      defs.add(JSON.valueToTree(d));
    }
    ArrayNode vars = request.putArray("variables");
    for (KernelSnapshot.VariableValue v : state.checkpoints()) {
      vars.add(KernelState.restoreEntry(v));
    }
    RestoreReport report = Replies.restore(call("restore", request));
    LOG.info(report::describe);
    return report;
  }

  private JsonNode call(String op, ObjectNode body) {
    ChildProcess current = child;
    try {
      return current.request(op, body).get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw OrcaException.transientFailure(
          "the kernel did not answer '" + op + "' within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof OrcaException) {
        throw (OrcaException) cause;
      }
      throw OrcaException.transientFailure("the kernel failed: " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw OrcaException.transientFailure("interrupted while waiting for the kernel", e);
    }
  }

  /** Runs a non-cell request between cells, rebuilding a dead child first. */
  private JsonNode between(String op, ObjectNode body) {
    busy.lock();
    try {
      ensureOpen();
      if (!child.alive()) {
        rebuild();
      }
      return call(op, body);
    } finally {
      busy.unlock();
    }
  }

  @Override
  public List<VariableInfo> variables() {
    return Replies.variables(between("variables", JSON.createObjectNode()));
  }

  @Override
  public Inspection inspect(String name) {
    if (name == null || name.isBlank()) {
      throw OrcaException.invalid("inspect needs a variable name");
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("name", name);
    return Replies.inspection(between("inspect", body));
  }

  @Override
  public List<String> complete(String code, int cursor) {
    ObjectNode body = JSON.createObjectNode();
    body.put("code", code);
    body.put("cursor", cursor);
    List<String> out = new ArrayList<>();
    between("complete", body).forEach(n -> out.add(n.asText()));
    return out;
  }

  @Override
  public boolean isComplete(String code) {
    ObjectNode body = JSON.createObjectNode();
    body.put("code", code);
    return between("completeness", body).asBoolean(true);
  }

  @Override
  public void interrupt() {
    interruptRequested = true;
  }

  @Override
  public RestoreReport restart() {
    busy.lock();
    try {
      ensureOpen();
      return rebuild();
    } finally {
      busy.unlock();
    }
  }

  @Override
  public KernelSnapshot snapshot() {
    JsonNode reply = between("snapshot", JSON.createObjectNode());
    List<KernelSnapshot.Definition> defs = new ArrayList<>();
    for (JsonNode d : reply.path("definitions")) {
      defs.add(
          new KernelSnapshot.Definition(
              d.path("kind").asText(), d.path("name").asText(), d.path("source").asText()));
    }
    List<KernelSnapshot.VariableValue> vars = new ArrayList<>();
    for (JsonNode v : reply.path("variables")) {
      vars.add(KernelState.variableValue(v));
    }
    return new KernelSnapshot(defs, vars, Instant.now());
  }

  @Override
  public KernelSnapshot checkpoint() {
    return new KernelSnapshot(state.definitions(), state.checkpoints(), Instant.now());
  }

  @Override
  public RestoreReport restore(KernelSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    busy.lock();
    try {
      ensureOpen();
      state.replaceWith(snapshot);
      return rebuild();
    } finally {
      busy.unlock();
    }
  }

  @Override
  public KernelInfo info() {
    ChildProcess current = child;
    long pid = current != null && current.alive() ? current.pid() : -1;
    return new KernelInfo(
        pid,
        javaVersion,
        options.workspace(),
        lastStartTime,
        options.heapLimitMiB(),
        launcher.layers(pid));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ChildProcess current = child;
    if (current != null) {
      try {
        current.close();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "closing the kernel", e);
      }
    }
    if (spare != null) {
      spare.close();
    }
    bridgeExecutor.shutdownNow();
  }

  private void ensureOpen() {
    if (closed) {
      throw OrcaException.invalid("this kernel has been closed");
    }
  }

  private static String deathOf(ChildProcess process) {
    String tail = process.stderrTail();
    if (tail.contains("OutOfMemoryError")) {
      return "out of memory";
    }
    return "killed or crashed";
  }

  private static Duration clamp(Duration timeout) {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      return DEFAULT_TIMEOUT;
    }
    return timeout.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : timeout;
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
