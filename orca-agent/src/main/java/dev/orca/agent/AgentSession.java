package dev.orca.agent;

import dev.orca.agent.provider.ModelFactory;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.agent.provider.Retrier;
import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.HistoryStore;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelBridge;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One agent session as the CLI runs it ({@code orca run}, {@code orca chat}): the model built from
 * its settings (with Orca's retries, streaming when asked), an {@link Orchestrator} on the kernel,
 * and per-turn accounting in {@code HOME/history.db}. The kernel belongs to the caller.
 */
public final class AgentSession implements AutoCloseable {

  private final String sessionId;
  private final HistoryStore history;
  private final Orchestrator orchestrator;
  private final ModelSettings settings;

  private AgentSession(
      String sessionId, HistoryStore history, Orchestrator orchestrator, ModelSettings settings) {
    this.sessionId = sessionId;
    this.history = history;
    this.orchestrator = orchestrator;
    this.settings = settings;
  }

  /**
   * Opens a session.
   *
   * @param home the Orca home (history.db lives there)
   * @param kernel the started kernel
   * @param bridge answers {@code search_tools} (the kernel's own bridge), or {@code null}
   * @param settings the model
   * @param config the limits
   * @param stream whether to stream answers (chat) or not (run)
   * @param retryListener told about retries (progress output)
   * @return the session
   */
  public static AgentSession open(
      OrcaHome home,
      Kernel kernel,
      KernelBridge bridge,
      ModelSettings settings,
      AgentConfig config,
      boolean stream,
      Retrier.Listener retryListener) {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(settings, "settings");
    String id =
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
            + "-"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    HistoryStore history;
    try {
      history = HistoryStore.open(home);
    } catch (OrcaException e) {
      history = null;
    }
    ModelFactory factory = new ModelFactory(dev.orca.agent.provider.Sleeper.SYSTEM, retryListener);
    ModelClient client =
        stream
            ? ModelClient.streaming(
                factory.streamingModel(settings),
                factory.retrier(settings),
                settings.provider().id(),
                settings.modelName())
            : ModelClient.blocking(
                factory.chatModel(settings), settings.provider().id(), settings.modelName());
    Orchestrator o =
        Orchestrator.builder()
            .model(client)
            .kernel(kernel)
            .bridge(bridge)
            .config(config)
            .ledger(history == null ? TurnLedger.NONE : new HistoryTurnLedger(history, id))
            .build();
    return new AgentSession(id, history, o, settings);
  }

  /**
   * Runs a trivial cell before the first model turn: the kernel's first evaluation pays for javac's
   * start, and a kernel process that died after starting is rebuilt here, not in front of the
   * model.
   *
   * @param kernel the kernel
   */
  public static void warmUp(Kernel kernel) {
    for (int i = 0; i < 2; i++) {
      try {
        if (kernel.execute("1 + 1").ok()) {
          return;
        }
      } catch (RuntimeException e) {
        return;
      }
    }
  }

  /** The session's id in history.db. */
  public String sessionId() {
    return sessionId;
  }

  /** Whether turns are being recorded in history.db. */
  public boolean recording() {
    return history != null;
  }

  /** The orchestrator. */
  public Orchestrator orchestrator() {
    return orchestrator;
  }

  /** The model settings (the key is never shown by their {@code toString}). */
  public ModelSettings settings() {
    return settings;
  }

  /**
   * Answers one request.
   *
   * @param request the task or message
   * @param listener progress
   * @return how it ended
   */
  public RunResult ask(String request, AgentListener listener) {
    return orchestrator.ask(request, listener);
  }

  /** Closes history.db (not the kernel). */
  @Override
  public void close() {
    if (history != null) {
      history.close();
    }
  }
}
