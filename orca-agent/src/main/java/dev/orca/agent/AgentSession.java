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
 * and per-turn accounting in {@code HOME/history.db} under the session's id (the CLI passes its
 * session name, so {@code orca analyze} and {@code orca sessions} join these rows with the
 * session's cells and sub-agent calls). The kernel belongs to the caller.
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
   * Opens a session under a generated id. Prefer {@link #builder} with {@link Builder#sessionId}
   * where the run has a name (the CLI's {@code --session NAME}), so that its rows in history.db
   * join the rest of the session's.
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
    return builder(home, settings).kernel(kernel).bridge(bridge).config(config).stream(stream)
        .retryListener(retryListener)
        .build();
  }

  /**
   * A builder.
   *
   * @param home the Orca home (history.db lives there)
   * @param settings the model
   * @return the builder
   */
  public static Builder builder(OrcaHome home, ModelSettings settings) {
    return new Builder(home, settings);
  }

  private static String generatedId() {
    return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
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

  /** Builds an {@link AgentSession}; the kernel is required. */
  public static final class Builder {
    private final OrcaHome home;
    private final ModelSettings settings;
    private String sessionId;
    private Kernel kernel;
    private KernelBridge bridge;
    private AgentConfig config = AgentConfig.DEFAULTS;
    private boolean stream;
    private Retrier.Listener retryListener = Retrier.Listener.NONE;
    private Transcript transcript = Transcript.NONE;
    private ModelClient model;

    private Builder(OrcaHome home, ModelSettings settings) {
      this.home = Objects.requireNonNull(home, "home");
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The id the session's rows in history.db carry (model turns, cells): the CLI's session name,
     * the same id its cells, tool calls and sub-agent calls are recorded under. Default: a
     * generated, timestamp-based id.
     */
    public Builder sessionId(String id) {
      this.sessionId = id == null || id.isBlank() ? null : id;
      return this;
    }

    /** The started kernel the model's code runs in (required; it stays the caller's). */
    public Builder kernel(Kernel k) {
      this.kernel = k;
      return this;
    }

    /** Answers {@code search_tools} (the kernel's own bridge), or {@code null}. */
    public Builder bridge(KernelBridge b) {
      this.bridge = b;
      return this;
    }

    /** The limits (default {@link AgentConfig#DEFAULTS}). */
    public Builder config(AgentConfig c) {
      this.config = Objects.requireNonNull(c, "config");
      return this;
    }

    /** Whether to stream answers (chat) or not (run, the default). */
    public Builder stream(boolean s) {
      this.stream = s;
      return this;
    }

    /** Told about retries (progress output); default: nobody. */
    public Builder retryListener(Retrier.Listener l) {
      this.retryListener = l == null ? Retrier.Listener.NONE : l;
      return this;
    }

    /** Where each request's messages are kept (the chat's {@code conversation.jsonl}). */
    public Builder transcript(Transcript t) {
      this.transcript = Objects.requireNonNull(t, "transcript");
      return this;
    }

    /**
     * The model client to use instead of one built from the settings (a scripted model in tests);
     * the settings then only name it.
     */
    public Builder model(ModelClient client) {
      this.model = client;
      return this;
    }

    /** Opens history.db (the session works without it when it cannot) and builds the session. */
    public AgentSession build() {
      Objects.requireNonNull(kernel, "kernel");
      String id = sessionId != null ? sessionId : generatedId();
      HistoryStore history;
      try {
        history = HistoryStore.open(home);
      } catch (OrcaException e) {
        history = null;
      }
      ModelClient client = model != null ? model : client(settings, stream, retryListener);
      Orchestrator o =
          Orchestrator.builder()
              .model(client)
              .kernel(kernel)
              .bridge(bridge)
              .config(config)
              .ledger(history == null ? TurnLedger.NONE : new HistoryTurnLedger(history, id))
              .transcript(transcript)
              .build();
      return new AgentSession(id, history, o, settings);
    }

    private static ModelClient client(
        ModelSettings settings, boolean stream, Retrier.Listener retryListener) {
      ModelFactory factory =
          new ModelFactory(dev.orca.agent.provider.Sleeper.SYSTEM, retryListener);
      return stream
          ? ModelClient.streaming(
              factory.streamingModel(settings),
              factory.retrier(settings),
              settings.provider().id(),
              settings.modelName())
          : ModelClient.blocking(
              factory.chatModel(settings), settings.provider().id(), settings.modelName());
    }
  }
}
