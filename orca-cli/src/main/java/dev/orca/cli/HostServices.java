package dev.orca.cli;

import dev.orca.agent.provider.ModelConfig;
import dev.orca.agent.provider.ModelFactory;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.agent.subagent.FactoryModelResolver;
import dev.orca.agent.subagent.HistorySubagentAccounting;
import dev.orca.agent.subagent.RegistrySubagentTools;
import dev.orca.agent.subagent.SubagentBridge;
import dev.orca.agent.subagent.SubagentCatalog;
import dev.orca.agent.subagent.SubagentRegistry;
import dev.orca.agent.subagent.SubagentRunner;
import dev.orca.cli.sessions.CellHistory;
import dev.orca.cli.sessions.ResumeReport;
import dev.orca.cli.sessions.RunSession;
import dev.orca.cli.sessions.SessionKernel;
import dev.orca.cli.sessions.SessionSkills;
import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.HistoryStore;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.skills.ApprovalPrompt;
import dev.orca.skills.LoadEntry;
import dev.orca.skills.SkillService;
import dev.orca.skills.analysis.AnalysisBridgeHandler;
import dev.orca.skills.analysis.PatternMiner;
import dev.orca.skills.analysis.SuggestionHandoff;
import dev.orca.skills.runtime.SkillRuntime;
import dev.orca.skills.runtime.SkillsSetup;
import dev.orca.skills.session.LoadReport;
import dev.orca.skills.session.SessionBridgeHandlers;
import dev.orca.skills.session.SessionCheckpointer;
import dev.orca.skills.session.SessionLoader;
import dev.orca.skills.session.SessionLock;
import dev.orca.skills.session.SessionService;
import dev.orca.skills.session.SessionStore;
import dev.orca.tools.MetaTools;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.bridge.BridgeRouter;
import dev.orca.tools.bridge.CallToolHandler;
import dev.orca.tools.bridge.ToolBridge;
import dev.orca.tools.mcp.McpConfig;
import dev.orca.tools.mcp.McpToolSource;
import dev.orca.tools.search.EmbeddingToolIndex;
import dev.orca.tools.search.HybridToolSearch;
import dev.orca.tools.search.ToolHit;
import dev.orca.tools.search.ToolSearch;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The host services behind the kernel's built-ins, wired onto one {@link BridgeRouter}: the tool
 * registry and hybrid search ({@code searchTools}, {@code callTool}), external MCP servers from
 * {@code config.toml}, the history database, sub-agents ({@code callSubagent}, {@code mapSubagent},
 * when a model is configured), sessions ({@code saveSessionState}, {@code loadSessionState}) and
 * self-analysis ({@code analyzeHistory}).
 *
 * <p>Cheap to create: the embedding model behind search loads on first use (or in the background
 * via {@link #warmUp()}), and MCP servers connect on first use.
 */
public final class HostServices implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HostServices.class.getName());

  private final ToolRegistry registry;
  private final HistoryStore history;
  private final McpToolSource mcp;
  private final LazySearch search;
  private final SessionLoader sessionLoader;
  private final SessionService sessions;
  private final SkillRuntime skillRuntime;
  private final PatternMiner miner;
  private final BridgeRouter router;
  private final String sessionId;

  private HostServices(
      OrcaHome home, BridgeRouter router, Map<String, String> env, String sessionName) {
    this.router = router;
    this.sessionId = sessionName != null ? sessionName : UUID.randomUUID().toString();
    this.registry = ToolRegistry.create();
    MetaTools.registerAll(registry);
    this.history = HistoryStore.open(home);
    this.search = new LazySearch(registry, home);
    this.mcp =
        new McpToolSource(
            McpConfig.load(home.configFile(), env),
            registry,
            home.cacheDir().resolve("mcp"),
            Duration.ofSeconds(20));
    ToolBridge.install(
        router, registry, search, mcp::ensureStarted, CallToolHandler.DEFAULT_MAX_RESULT_BYTES);

    this.miner = new PatternMiner(history);
    AnalysisBridgeHandler analysis = new AnalysisBridgeHandler(miner);
    router.register("analyzeHistory", analysis::analyzeHistory);

    SubagentRegistry agents = SubagentRegistry.withBuiltIns();
    Optional<ModelSettings> model;
    String noModel =
        "sub-agents need a model, and none is configured. " + ModelConfig.HOW_TO_CONFIGURE;
    try {
      model = ModelConfig.resolve(null, null, home.configFile(), env);
    } catch (ConfigurationException e) {
      // A bad [model] section must not stop the kernel, the REPL or doctor: it is reported
      // where a model is needed.
      LOG.warning("model configuration ignored: " + e.getMessage());
      model = Optional.empty();
      noModel = "the model configuration is invalid: " + e.getMessage();
    }
    SkillService skills =
        SkillsSetup.service(
            home,
            model.map(m -> new ModelFactory().rawChatModel(m)).orElse(null),
            model.map(ModelSettings::label).orElse("none"),
            history,
            ApprovalPrompt.NONE);
    this.skillRuntime = new SkillRuntime(skills, registry, agents);
    for (LoadEntry entry : skillRuntime.start()) {
      if (!entry.loaded()) {
        LOG.warning(
            "learned " + entry.kind() + " " + entry.name() + " not loaded: " + entry.reason());
      }
    }
    skillRuntime.registerBridge(router);
    SuggestionHandoff handoff = new SuggestionHandoff(miner, skills);
    router.register("generateFromSuggestion", handoff::generateFromSuggestion);

    SessionSkills sessionSkills = new SessionSkills(skillRuntime, skills.store());
    this.sessions =
        new SessionService(SessionStore.forHome(home), sessionSkills::inUse, sessionSkills);
    this.sessionLoader = new SessionLoader(sessions);
    SessionBridgeHandlers sessionHandlers = new SessionBridgeHandlers(sessions, sessionLoader);
    router.register("saveSessionState", sessionHandlers::saveSessionState);
    router.register("loadSessionState", sessionHandlers::loadSessionState);
    if (model.isPresent()) {
      SubagentRunner runner =
          SubagentRunner.builder()
              .registry(agents)
              .models(
                  new FactoryModelResolver(new ModelFactory(), model.get(), home.configFile(), env))
              .accounting(new HistorySubagentAccounting(history, sessionId))
              .tools(new RegistrySubagentTools(registry))
              .kernels(() -> JShellKernel.start(KernelOptions.defaults(home.workspace())))
              .build();
      SubagentCatalog.publish(agents, registry, runner);
      SubagentBridge.register(router, runner);
    } else {
      String why = noModel;
      router.register(
          SubagentBridge.CALL,
          args -> {
            throw OrcaException.configuration(why);
          });
      router.register(
          SubagentBridge.MAP,
          args -> {
            throw OrcaException.configuration(why);
          });
    }
  }

  /**
   * Creates the host services and registers their handlers on a router.
   *
   * @param home the Orca home
   * @param router receives the handlers
   * @param env the process environment (model keys, MCP server variables)
   * @return the services
   */
  public static HostServices create(OrcaHome home, BridgeRouter router, Map<String, String> env) {
    return new HostServices(home, router, env, null);
  }

  /**
   * Creates the host services for a run that works in a session.
   *
   * @param home the Orca home
   * @param router receives the handlers
   * @param env the process environment (model keys, MCP server variables)
   * @param sessionName the run's session, the id its sub-agent calls are recorded under; {@code
   *     null} for a random id
   * @return the services
   */
  public static HostServices create(
      OrcaHome home, BridgeRouter router, Map<String, String> env, String sessionName) {
    return new HostServices(home, router, env, sessionName);
  }

  /** Loads the search's embedding model in the background so the first search is fast. */
  public void warmUp() {
    Thread t = new Thread(search::get, "orca-search-warmup");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Loads every deployed learned function into a kernel; functions deployed later are loaded before
   * the next cell.
   *
   * @param kernel a started kernel
   * @return the kernel to use from now on
   */
  public Kernel attach(Kernel kernel) {
    return skillRuntime.attach(kernel);
  }

  /**
   * Attaches a kernel for a run that works in a session: learned functions as in {@link
   * #attach(Kernel)}, then a {@link SessionKernel} that checkpoints the session after every
   * successful cell, applies loads requested by cells, records cells in {@code history.db} and
   * cancels the host calls of stopped cells. When the run resumes a saved session, the session is
   * loaded into the fresh kernel first and the report (per variable, skills, the cell that was
   * running when the previous process stopped) is printed to {@code messages}.
   *
   * @param kernel a started kernel
   * @param session the run's session
   * @param messages where the resume report and bookkeeping warnings go (stderr)
   * @return the kernel to use from now on
   * @throws dev.orca.core.OrcaException when the saved session cannot be loaded
   */
  public SessionKernel attach(Kernel kernel, RunSession session, PrintStream messages) {
    Kernel withSkills = attach(kernel);
    Consumer<String> warnings =
        message -> {
          messages.println("orca: " + message);
          messages.flush();
        };
    SessionStore store = sessions.store();
    SessionKernel.Builder b =
        SessionKernel.builder(withSkills, session.name())
            .loader(sessionLoader)
            .cancelBridgeCalls(router::cancelAll)
            .warnings(warnings);
    if (session.config().checkpoint()) {
      b.checkpointer(
          new SessionCheckpointer(
              store,
              session.name(),
              sessions::skillsInUse,
              session.config().keep(),
              // never a session another process works in
              name ->
                  RunSession.isGenerated(name)
                      && SessionLock.holder(store.root(), name).isEmpty()));
    }
    if (session.recordCells()) {
      b.history(new CellHistory(history, session.name(), miner::fingerprint, warnings));
    }
    SessionKernel sessionKernel = b.build();
    if (session.resume()) {
      // Into the kernel under the session kernel: the session on disk already holds this state,
      // and it stays as it is until the first cell of this run.
      LoadReport report;
      try {
        report = sessions.loadInto(session.name(), sessionKernel.delegate());
      } catch (RuntimeException e) {
        sessionKernel.close();
        throw e;
      }
      messages.print("orca: " + ResumeReport.describe(report, "Resumed"));
      messages.flush();
      try {
        // reported once: the next run must not name the same cell again
        store.clearRunning(session.name());
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "clearing the running marker", e);
      }
    }
    return sessionKernel;
  }

  /** Saves and loads sessions (with this run's learned skills). */
  public SessionService sessions() {
    return sessions;
  }

  /** The registry of every callable tool, function, agent and meta-tool. */
  public ToolRegistry registry() {
    return registry;
  }

  /** The history database. */
  public HistoryStore history() {
    return history;
  }

  /** Applies a session load requested from kernel code, after its cell ended. */
  public SessionLoader sessionLoader() {
    return sessionLoader;
  }

  @Override
  public void close() {
    try {
      mcp.close();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "closing MCP servers", e);
    }
    try {
      history.close();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "closing history", e);
    }
  }

  /** Hybrid search built on first use: loading the embedding model takes seconds. */
  private static final class LazySearch implements ToolSearch {
    private final ToolRegistry registry;
    private final OrcaHome home;
    private volatile ToolSearch delegate;

    LazySearch(ToolRegistry registry, OrcaHome home) {
      this.registry = registry;
      this.home = home;
    }

    ToolSearch get() {
      ToolSearch d = delegate;
      if (d == null) {
        synchronized (this) {
          d = delegate;
          if (d == null) {
            d =
                HybridToolSearch.over(
                    registry,
                    EmbeddingToolIndex.withDefaultModel(home.cacheDir().resolve("embeddings")));
            delegate = d;
          }
        }
      }
      return d;
    }

    @Override
    public List<ToolHit> search(String query, int limit) {
      return get().search(query, limit);
    }

    @Override
    public double matchThreshold() {
      return get().matchThreshold();
    }
  }
}
