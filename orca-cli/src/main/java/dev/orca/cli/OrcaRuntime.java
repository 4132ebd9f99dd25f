package dev.orca.cli;

import dev.orca.agent.AgentSession;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.cli.sessions.RunSession;
import dev.orca.cli.sessions.SessionKernel;
import dev.orca.cli.sessions.SessionRequest;
import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelBridge;
import dev.orca.kernel.KernelOptions;
import dev.orca.kernel.SandboxMode;
import dev.orca.skills.session.SessionLock;
import dev.orca.skills.session.SessionStore;
import dev.orca.tools.bridge.BridgeRouter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Everything a command needs to use Orca: the home, its configuration, and a kernel that is started
 * lazily in the background and closed on exit.
 *
 * <p>Open one per command with {@link #open(CommonOptions)}; call {@link #startKernel()} early to
 * warm the kernel up behind other work (the MCP server answers {@code initialize} meanwhile) and
 * {@link #kernel()} where the kernel is needed (it waits for the start). {@link #close()} (or the
 * JVM shutdown hook it installs) stops the kernel.
 *
 * <p>A runtime opened for a session ({@link #open(CommonOptions, SessionRequest)}) holds the
 * session's {@link SessionLock} until it is closed: a second process asking for the same session
 * fails with a message naming this one.
 */
public final class OrcaRuntime implements AutoCloseable {
  /**
   * System property that turns the spare kernel JVM off when set to {@code off}, whatever {@code
   * [kernel] spare} says; the environment variable {@value #SPARE_SWITCH_ENV} does the same when
   * the property is not set (the test suites set both, so tests do not start spares they never
   * use).
   */
  public static final String SPARE_SWITCH = "orca.kernel.spare";

  /** Environment variable with the meaning of {@link #SPARE_SWITCH}. */
  public static final String SPARE_SWITCH_ENV = "ORCA_KERNEL_SPARE";

  private final OrcaHome home;
  private final OrcaConfig config;
  private final KernelOptions kernelOptions;
  private final KernelFactory factory;
  private final KernelBridge bridge;
  private final Map<String, String> env;
  private final BridgeRouter router;
  private final CompletableFuture<HostServices> services;
  private final RunSession session;
  private final SessionLock sessionLock;
  private boolean servicesStarted;
  private final Thread shutdownHook;
  private CompletableFuture<Kernel> kernel;
  private boolean closed;

  private OrcaRuntime(Builder b) {
    this.home = OrcaHome.resolve(b.home, b.env).create();
    OrcaConfig loaded = OrcaConfig.load(home.configFile());
    if (b.heapMiB != null) {
      loaded = loaded.withHeapMiB(b.heapMiB);
    }
    if (b.sandbox != null) {
      loaded = loaded.withSandbox(b.sandbox);
    }
    this.config = loaded;
    this.session = b.session == null ? null : b.session.resolve(home);
    // One process per session: a second one would checkpoint over this one's work.
    this.sessionLock =
        session == null
            ? null
            : SessionLock.acquire(
                SessionStore.forHome(home).root(), session.name(), b.session.command());
    this.env = b.env;
    this.router = b.bridge == null ? new BridgeRouter() : null;
    this.bridge = b.bridge == null ? router : b.bridge;
    this.services = router == null ? null : new CompletableFuture<>();
    if (router != null) {
      router.registeredWhen(this::startServices);
    }
    this.factory = b.factory;
    this.kernelOptions =
        KernelOptions.defaults(home.workspace())
            .withHeapLimitMiB(config.heapMiB())
            .withSandbox(config.sandbox())
            .withSpareKernel(config.spareKernel() && !spareSwitchedOff())
            .withBridge(bridge);
    if (b.shutdownHook) {
      this.shutdownHook = new Thread(this::closeKernel, "orca-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } else {
      this.shutdownHook = null;
    }
  }

  /** Whether {@link #SPARE_SWITCH} (or {@link #SPARE_SWITCH_ENV}) says {@code off}. */
  static boolean spareSwitchedOff() {
    String value = System.getProperty(SPARE_SWITCH, System.getenv(SPARE_SWITCH_ENV));
    return value != null && value.trim().equalsIgnoreCase("off");
  }

  /**
   * Opens the runtime for a command's common options, with the real kernel and the process
   * environment.
   *
   * @param options the parsed common options
   * @return the runtime; the kernel is not started yet
   * @throws dev.orca.core.ConfigurationException when the home or its config is unusable
   */
  public static OrcaRuntime open(CommonOptions options) {
    return builder().options(options).build();
  }

  /**
   * Opens the runtime for a command that works in a session ({@code orca repl}, {@code mcp}, {@code
   * run}, {@code chat}): its kernel checkpoints the session after every successful cell (see {@link
   * SessionKernel}) and, when the session exists, starts by resuming it.
   *
   * @param options the parsed common options
   * @param session the session the command asked for
   * @return the runtime; the kernel is not started yet
   * @throws dev.orca.core.ConfigurationException when the home or its config is unusable, or the
   *     session to resume does not exist
   */
  public static OrcaRuntime open(CommonOptions options, SessionRequest session) {
    return builder().options(options).session(session).build();
  }

  /** A builder, for tests and for commands that wire a bridge. */
  public static Builder builder() {
    return new Builder();
  }

  /** The Orca home (created). */
  public OrcaHome home() {
    return home;
  }

  /** The effective configuration (config.toml overridden by command-line options). */
  public OrcaConfig config() {
    return config;
  }

  /** How the kernel is (or will be) started. */
  public KernelOptions kernelOptions() {
    return kernelOptions;
  }

  /**
   * The session this run works in, when the command asked for one.
   *
   * @return the session, resolved against the home
   */
  public Optional<RunSession> session() {
    return Optional.ofNullable(session);
  }

  /** The host side of kernel → host calls. */
  public KernelBridge bridge() {
    return bridge;
  }

  /**
   * The bridge router kernel code's built-ins are answered by, when this runtime made its own (no
   * bridge was given to the builder): commands register their handlers on it ({@code
   * router.register("callSubagent", handler)}); methods nobody registered fail with a clear
   * message.
   *
   * @return the router, or empty when the builder was given another bridge
   */
  public Optional<BridgeRouter> router() {
    return Optional.ofNullable(router);
  }

  /**
   * The host services answering kernel built-ins (tools, search, sub-agents, sessions, analysis),
   * when this runtime made its own router; starts them if needed and waits until they are ready.
   *
   * @return the services, or empty when the builder was given another bridge
   * @throws OrcaException when they failed to start (their own exception when it is one)
   */
  public Optional<HostServices> services() {
    if (services == null) {
      return Optional.empty();
    }
    return Optional.of(await(startServices(), "Orca's host services"));
  }

  /**
   * Starts the host services in the background unless they are started: the tool registry, history
   * database, MCP configuration, learned skills and sessions take half a second or more to set up,
   * which a command need not wait for before it answers (the MCP server's {@code initialize}).
   * Bridge calls made meanwhile wait for them ({@link BridgeRouter#registeredWhen}).
   *
   * @return completes with the services (or their failure); an already completed {@code null} when
   *     the builder was given another bridge
   */
  public synchronized CompletableFuture<HostServices> startServices() {
    if (services == null) {
      return CompletableFuture.completedFuture(null);
    }
    if (!servicesStarted) {
      servicesStarted = true;
      Thread starter =
          new Thread(
              () -> {
                try {
                  services.complete(
                      HostServices.create(
                          home, router, env, session == null ? null : session.name()));
                } catch (Throwable t) {
                  System.err.println("orca: host services failed to start: " + t.getMessage());
                  services.completeExceptionally(t);
                }
              },
              "orca-services-start");
      starter.setDaemon(true);
      starter.start();
    }
    return services;
  }

  /** The default cell timeout from the configuration. */
  public Duration defaultTimeout() {
    return Duration.ofSeconds(config.timeoutSeconds());
  }

  /**
   * Starts the kernel in the background unless it is started or starting. A start that failed is
   * tried again.
   *
   * @return the kernel, when it is ready
   */
  public synchronized CompletableFuture<Kernel> startKernel() {
    if (closed) {
      throw OrcaException.invalid("This Orca runtime is closed.");
    }
    if (kernel == null || kernel.isCompletedExceptionally()) {
      CompletableFuture<HostServices> host = startServices();
      CompletableFuture<Kernel> future = new CompletableFuture<>();
      kernel = future;
      Thread starter =
          new Thread(
              () -> {
                try {
                  Kernel started = factory.start(kernelOptions);
                  HostServices ready = attachable(host);
                  try {
                    future.complete(attach(ready, started));
                  } catch (RuntimeException | Error e) {
                    started.close();
                    throw e;
                  }
                } catch (Throwable t) {
                  future.completeExceptionally(t);
                }
              },
              "orca-kernel-start");
      starter.setDaemon(true);
      starter.start();
    }
    return kernel;
  }

  /**
   * The kernel, starting it if needed and waiting until it is ready.
   *
   * @return the running kernel
   * @throws OrcaException when it cannot start (the start's own exception when it is one)
   */
  public Kernel kernel() {
    return await(startKernel(), "The kernel");
  }

  private static <T> T await(CompletableFuture<T> future, String what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw OrcaException.transientFailure("Interrupted while " + what + " was starting.", e);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof OrcaException oe) {
        throw oe;
      }
      throw OrcaException.transientFailure(what + " failed to start: " + cause.getMessage(), cause);
    }
  }

  /**
   * The services to attach a started kernel to, once they are ready; {@code null} when there are
   * none or they failed (the kernel then runs without learned functions; the failure was reported
   * and built-in calls name it).
   */
  private static HostServices attachable(CompletableFuture<HostServices> host) {
    try {
      return host.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      return null;
    }
  }

  /**
   * The kernel commands use: with learned functions when the services are up, and for a run in a
   * session wrapped in a {@link SessionKernel} (resuming the session when asked). Runs on the
   * kernel-start thread.
   */
  private Kernel attach(HostServices ready, Kernel started) {
    if (ready == null) {
      return started;
    }
    if (session == null) {
      return ready.attach(started);
    }
    return ready.attach(started, session, System.err);
  }

  /**
   * An agent session ({@code orca run}, {@code orca chat}) on this runtime's kernel and bridge,
   * whose rows in history.db (model turns, the cells the model ran) carry this run's session name,
   * like the cells of {@code orca repl} and {@code mcp} and every run's sub-agent calls: one id per
   * session across all loops. Waits for the kernel.
   *
   * @param settings the model
   * @return the builder; set the limits, streaming, listeners, then build
   */
  public AgentSession.Builder agentSession(ModelSettings settings) {
    return AgentSession.builder(home, settings)
        .sessionId(session == null ? null : session.name())
        .kernel(kernel())
        .bridge(bridge);
  }

  /** Whether the kernel has started successfully (without waiting). */
  public synchronized boolean kernelReady() {
    return kernel != null && kernel.isDone() && !kernel.isCompletedExceptionally();
  }

  /**
   * Stops the kernel if it runs and releases the session's lock (the OS releases it too when the
   * process ends, however it ends). Idempotent.
   */
  @Override
  public void close() {
    closeKernel();
    if (sessionLock != null) {
      // after the kernel: its last cell may still be checkpointing
      sessionLock.close();
    }
    if (router != null) {
      router.close();
    }
    if (services != null) {
      // a start in progress finishes first, so that its database and MCP servers are closed too
      synchronized (this) {
        if (!servicesStarted) {
          servicesStarted = true; // never start them after close
          services.completeExceptionally(OrcaException.invalid("This Orca runtime is closed."));
        }
      }
      services.thenAccept(HostServices::close);
    }
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook runs or ran: nothing to remove
      }
    }
  }

  private void closeKernel() {
    CompletableFuture<Kernel> future;
    synchronized (this) {
      closed = true;
      future = kernel;
      kernel = null;
    }
    if (future != null) {
      // runs now when the kernel is up, or as soon as a start in progress finishes
      future.thenAccept(Kernel::close);
    }
  }

  /** Builds an {@link OrcaRuntime}. */
  public static final class Builder {
    private Path home;
    private Map<String, String> env = System.getenv();
    private SandboxMode sandbox;
    private Integer heapMiB;
    private KernelFactory factory = KernelFactory.jshell();
    private KernelBridge bridge;
    private boolean shutdownHook = true;
    private SessionRequest session;

    private Builder() {}

    /**
     * The session the command works in ({@code --session NAME}, {@code --resume [NAME]}, or a
     * generated name); by default none (a kernel for {@code doctor} or a benchmark is not
     * checkpointed or recorded).
     */
    public Builder session(SessionRequest request) {
      this.session = Objects.requireNonNull(request, "request");
      return this;
    }

    /** Takes {@code --home}, {@code --sandbox} and {@code --heap} from parsed options. */
    public Builder options(CommonOptions options) {
      this.home = options.home();
      this.sandbox = options.sandbox();
      this.heapMiB = options.heapMiB();
      return this;
    }

    /** The explicit home, or {@code null} for {@code ORCA_HOME} / {@code ~/.orca}. */
    public Builder home(Path dir) {
      this.home = dir;
      return this;
    }

    /** The environment to resolve {@code ORCA_HOME} from. */
    public Builder env(Map<String, String> environment) {
      this.env = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** How to start the kernel. */
    public Builder kernelFactory(KernelFactory kernelFactory) {
      this.factory = Objects.requireNonNull(kernelFactory, "kernelFactory");
      return this;
    }

    /**
     * The bridge kernel code calls host built-ins through; by default the runtime makes an empty
     * {@link BridgeRouter} (see {@link OrcaRuntime#router()}).
     */
    public Builder bridge(KernelBridge kernelBridge) {
      this.bridge = Objects.requireNonNull(kernelBridge, "kernelBridge");
      return this;
    }

    /** Whether to close the kernel in a JVM shutdown hook (default true). */
    public Builder shutdownHook(boolean install) {
      this.shutdownHook = install;
      return this;
    }

    /**
     * Resolves and creates the home, reads its config.
     *
     * @return the runtime
     * @throws dev.orca.core.ConfigurationException when the home or its config is unusable
     */
    public OrcaRuntime build() {
      return new OrcaRuntime(this);
    }
  }
}
