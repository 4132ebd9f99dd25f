package dev.orca.kernel.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.OrcaException;
import dev.orca.kernel.KernelBridge;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One kernel JVM and its JSON-lines channel: requests out on stdin, replies and bridge calls in on
 * stdout, stderr kept as a bounded tail for diagnosing deaths. Replies are matched to requests by
 * id; bridge calls are answered on a bounded executor so a cell can fan out.
 */
public final class ChildProcess implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ChildProcess.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STDERR_TAIL_LINES = 60;

  /**
   * Starts every kernel process from one thread that lives as long as the host: Linux ties a
   * child's parent-death signal (bubblewrap's {@code --die-with-parent}) to the thread that forked
   * it, so a kernel started from a short-lived thread would be killed when that thread ends.
   */
  private static final ExecutorService LAUNCHER =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "orca-kernel-launcher");
            t.setDaemon(true);
            return t;
          });

  private final Process process;
  private final OutputStream stdin;
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
  private final CompletableFuture<Integer> exited = new CompletableFuture<>();
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private volatile boolean trained;
  private final KernelBridge bridge;
  private final ExecutorService bridgeExecutor;

  private ChildProcess(Process process, KernelBridge bridge, ExecutorService bridgeExecutor) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.bridge = bridge;
    this.bridgeExecutor = bridgeExecutor;
  }

  /**
   * Starts a kernel JVM and waits until it reports ready.
   *
   * @param command the full command line
   * @param builderSetup working directory and environment already applied
   * @param bridge answers kernel → host calls
   * @param bridgeExecutor runs bridge calls
   * @param startTimeout how long to wait for the ready message
   * @return the running child
   */
  public static ChildProcess start(
      List<String> command,
      ProcessBuilder builderSetup,
      KernelBridge bridge,
      ExecutorService bridgeExecutor,
      Duration startTimeout) {
    Process process;
    try {
      process = LAUNCHER.submit(() -> builderSetup.command(command).start()).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw OrcaException.transientFailure(
          "cannot start the kernel JVM: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw OrcaException.transientFailure("interrupted while starting the kernel", e);
    }
    ChildProcess child = new ChildProcess(process, bridge, bridgeExecutor);
    child.startThreads();
    try {
      child.ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      child.close();
      throw OrcaException.transientFailure(
          "the kernel JVM did not start within " + startTimeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.close();
      throw OrcaException.transientFailure("interrupted while starting the kernel", e);
    } catch (java.util.concurrent.ExecutionException e) {
      child.close();
      throw OrcaException.transientFailure(
          "the kernel JVM failed to start: " + e.getCause().getMessage(), e.getCause());
    }
    return child;
  }

  private void startThreads() {
    Thread reader = new Thread(this::readLoop, "orca-kernel-reader-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    Thread errors = new Thread(this::stderrLoop, "orca-kernel-stderr-" + process.pid());
    errors.setDaemon(true);
    errors.start();
    process
        .onExit()
        .thenAccept(
            p -> {
              exited.complete(p.exitValue());
            });
  }

  private void readLoop() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode message;
        try {
          message = JSON.readTree(line);
        } catch (IOException e) {
          LOG.warning("kernel wrote a line that is not JSON: " + cut(line));
          continue;
        }
        dispatch(message);
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "kernel channel closed", e);
    } finally {
      int code = waitExitCode();
      OrcaException died = new ChildDiedException(describeDeath(code));
      ready.completeExceptionally(died);
      for (CompletableFuture<JsonNode> future : pending.values()) {
        future.completeExceptionally(died);
      }
    }
  }

  private int waitExitCode() {
    try {
      return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private void dispatch(JsonNode message) {
    String op = message.path("op").asText();
    switch (op) {
      case "ready":
        ready.complete(message);
        break;
      case "trained":
        trained = true;
        break;
      case "reply":
        {
          CompletableFuture<JsonNode> future = pending.remove(message.path("id").asLong());
          if (future != null) {
            if (message.path("ok").asBoolean()) {
              future.complete(message.path("result"));
            } else {
              future.completeExceptionally(
                  OrcaException.invalid(message.path("error").asText("kernel request failed")));
            }
          }
          break;
        }
      case "bridge":
        bridgeExecutor.execute(() -> answerBridge(message));
        break;
      default:
        LOG.warning("unknown kernel message: " + op);
    }
  }

  private void answerBridge(JsonNode message) {
    ObjectNode reply = JSON.createObjectNode();
    reply.put("op", "bridgeReply");
    reply.set("callId", message.path("callId"));
    try {
      JsonNode result = bridge.call(message.path("method").asText(), message.path("args"));
      reply.set("result", result == null ? JSON.nullNode() : result);
    } catch (RuntimeException e) {
      reply.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
    }
    try {
      send(reply);
    } catch (OrcaException e) {
      LOG.log(Level.FINE, "bridge reply not delivered: kernel gone", e);
    }
  }

  private void stderrLoop() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (stderrTail) {
          stderrTail.addLast(cut(line));
          if (stderrTail.size() > STDERR_TAIL_LINES) {
            stderrTail.removeFirst();
          }
        }
        String logged = cut(line);
        LOG.fine(() -> "kernel stderr: " + logged);
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "kernel stderr closed", e);
    }
  }

  /** The kernel JVM's own diagnostic output (not kernel code's), last lines. */
  public String stderrTail() {
    synchronized (stderrTail) {
      return String.join("\n", stderrTail);
    }
  }

  private String describeDeath(int code) {
    String tail = stderrTail();
    if (tail.contains("OutOfMemoryError")) {
      return "the kernel ran out of memory (exit code " + code + ")";
    }
    if (code == 137 || code == -1 && !process.isAlive()) {
      return "the kernel process was killed (exit code " + code + ")";
    }
    String last = tail.isEmpty() ? "" : ": " + tail.lines().reduce((a, b) -> b).orElse("");
    return "the kernel process exited (exit code " + code + ")" + last;
  }

  /** The ready message: pid, Java version, start time. */
  public JsonNode readyMessage() {
    return ready.join();
  }

  /** Sends a request; the future completes with the reply's result or fails. */
  public CompletableFuture<JsonNode> request(String op, ObjectNode body) {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> future = new CompletableFuture<>();
    pending.put(id, future);
    body.put("op", op);
    body.put("id", id);
    try {
      send(body);
    } catch (OrcaException e) {
      pending.remove(id);
      future.completeExceptionally(e);
    }
    if (!process.isAlive() && exited.isDone()) {
      future.completeExceptionally(new ChildDiedException(describeDeath(process.exitValue())));
    }
    return future;
  }

  /** Sends a message that has no reply (stop, bridge replies). */
  public void send(JsonNode message) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(message);
    } catch (IOException e) {
      throw OrcaException.invalid("cannot encode a kernel message: " + e.getMessage());
    }
    synchronized (stdin) {
      try {
        stdin.write(bytes);
        stdin.write('\n');
        stdin.flush();
      } catch (IOException e) {
        throw new ChildDiedException("the kernel process is gone (" + e.getMessage() + ")");
      }
    }
  }

  /** Asks the running cell to stop. */
  public void stop() {
    ObjectNode message = JSON.createObjectNode();
    message.put("op", "stop");
    try {
      send(message);
    } catch (OrcaException e) {
      LOG.log(Level.FINE, "stop not delivered", e);
    }
  }

  /** Whether the kernel said its JIT training (a spare's warm-up) ran to the end. */
  public boolean trained() {
    return trained;
  }

  public boolean alive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** Kills the process at once and waits for it to go. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      ObjectNode message = JSON.createObjectNode();
      message.put("op", "shutdown");
      try {
        send(message);
        stdin.close();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (IOException | OrcaException e) {
        kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }

  private static String cut(String line) {
    return line.length() > 2_000 ? line.substring(0, 2_000) + "…" : line;
  }

  /** The kernel process died while a request was in flight. */
  public static final class ChildDiedException extends OrcaException {
    private static final long serialVersionUID = 1L;

    ChildDiedException(String message) {
      super(message, true, null);
    }
  }
}
