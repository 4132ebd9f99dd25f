package dev.orca.skills;

import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.SkillEventType;
import dev.orca.kernel.sandbox.OsSandbox;
import dev.orca.kernelagent.policy.ClassGuard;
import dev.orca.skills.gate.FunctionGate;
import dev.orca.skills.gate.GateResult;
import dev.orca.skills.gate.TestRunner;
import dev.orca.skills.generate.AgentGenerator;
import dev.orca.skills.generate.FunctionGenerator;
import dev.orca.skills.generate.FunctionRequest;
import dev.orca.skills.generate.GenerationOutcome;
import dev.orca.skills.generate.Generators;
import dev.orca.skills.generate.Prompts;
import dev.orca.skills.generate.ReviewParser;
import dev.orca.skills.internal.SkillHistory;
import dev.orca.skills.store.SkillHeader;
import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.SkillName;
import dev.orca.skills.store.SkillState;
import dev.orca.skills.store.SkillStore;
import dev.orca.skills.store.VersionRecord;
import dev.orca.skills.store.VersionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Self-evolution: generates, tests, reviews, gates, deploys, versions and rolls back learned
 * functions and sub-agents (issue 7). The bridge handlers, the CLI's {@code orca skills} commands
 * and the MCP meta-tools all call this one service. Thread-safe: operations on skills are
 * serialized.
 */
public final class SkillService {

  private final SkillStore store;
  private final SkillsConfig config;
  private final FunctionGate gate;
  private final Generators generators;
  private final SkillHistory history;
  private final ApprovalPrompt approvalPrompt;
  private final Predicate<String> toolExists;
  private final List<SkillListener> listeners = new CopyOnWriteArrayList<>();
  private final Deployments deployments;
  private final SkillSources sources;
  private final FunctionChecks checks;

  private SkillService(Builder b) {
    this.store = new SkillStore(b.home);
    this.config = b.config;
    this.gate =
        new FunctionGate(
            b.guard, new TestRunner(b.sandbox, b.config.testHeapMiB(), b.config.testTimeout()));
    this.generators = b.generators;
    this.history = new SkillHistory(b.history, b.sessionId);
    this.approvalPrompt = b.approvalPrompt;
    this.toolExists = b.toolExists;
    this.deployments = new Deployments(store, history, listeners);
    this.sources = new SkillSources(store);
    this.checks = new FunctionChecks(store, gate, config, history, deployments, sources, listeners);
  }

  /**
   * A builder.
   *
   * @param home the Orca home whose {@code learned_skills/} is used
   * @return the builder
   */
  public static Builder builder(OrcaHome home) {
    return new Builder(home);
  }

  /** The store (files and records). */
  public SkillStore store() {
    return store;
  }

  /** The settings. */
  public SkillsConfig config() {
    return config;
  }

  /** The model-independent gate. */
  public FunctionGate gate() {
    return gate;
  }

  /**
   * Adds a listener told about deployments (kernels, search).
   *
   * @param listener the listener
   */
  public void addListener(SkillListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  // ---------------------------------------------------------------- generate

  /**
   * Generates a function through the refinement loop, then deploys it as the approval policy says.
   *
   * @param req what to generate
   * @return what was made and where it stands
   * @throws OrcaException when no model is configured or a generator fails
   */
  public synchronized FunctionResult generateFunction(FunctionRequest req) {
    Generators gen = requireGenerators("generateFunction");
    SkillName name = req.name();
    SkillState state =
        store
            .state(SkillKind.FUNCTION, name.method())
            .orElse(new SkillState(name.method(), SkillKind.FUNCTION, List.of()));
    int version = state.nextVersion();
    Instant now = Instant.now();
    Instant created =
        state.versions().isEmpty()
            ? now
            : GenerationRecords.parseInstant(state.versions().get(0).created(), now);
    SkillHeader header =
        new SkillHeader(
            name.method(), version, created, now, gen.label("code_generator"), req.hash());
    GenerationOutcome out = new FunctionGenerator(gen, gate, store, config).generate(req, header);
    VersionRecord record = GenerationRecords.recordOf(out, header, req.description());
    store.save(state.with(record));
    GenerationRecords.recordGeneration(history, out);

    String summary = GenerationRecords.summary(out);
    VersionStatus status = VersionStatus.PENDING;
    String message;
    switch (config.approval()) {
      case AUTO -> {
        if (out.passed()) {
          status = deployments.deploy(name, version, "gate", false);
          message = GenerationRecords.deployedMessage(out.signature(), version);
        } else {
          message =
              "v"
                  + version
                  + " did not pass the gate after "
                  + out.rounds()
                  + " round(s) and waits for a person: orca skills approve "
                  + name
                  + " (or reject). "
                  + GenerationRecords.firstBlocking(out);
        }
      }
      case ASK -> {
        ApprovalPrompt.Decision d = approvalPrompt.ask(summary);
        if (d == ApprovalPrompt.Decision.APPROVE) {
          status = deployments.deploy(name, version, "person", false);
          message = GenerationRecords.deployedMessage(out.signature(), version);
        } else if (d == ApprovalPrompt.Decision.REJECT) {
          status = reject(name, Optional.of(version));
          message = "v" + version + " was rejected.";
        } else {
          message = "v" + version + " waits for approval: orca skills approve " + name + ".";
        }
      }
      default ->
          message =
              "v"
                  + version
                  + " was generated; approval = \"never\" deploys nothing"
                  + " automatically (orca skills approve "
                  + name
                  + " deploys it).";
    }
    Path path =
        status == VersionStatus.DEPLOYED
            ? store.functionFile(name)
            : out.versionDir().resolve(name.className() + ".java");
    return new FunctionResult(
        name,
        path,
        version,
        status,
        out.rounds(),
        out.firstTryCompiled(),
        out.passed(),
        out.signature(),
        out.issues(),
        out.tests(),
        out.tokens(),
        message);
  }

  /**
   * Writes new tests for a function with {@code test_generator} and runs them at once.
   *
   * @param path a function's name, class name or file
   * @return the test report and where the tests were written
   */
  public synchronized TestsResult generateTests(String path) {
    Generators gen = requireGenerators("generateTests");
    SkillName name = resolveName(path);
    String source = sources.sourceFor(path, name);
    SkillState state = store.state(SkillKind.FUNCTION, name.method()).orElse(null);
    String description =
        state == null ? "" : state.latest().map(VersionRecord::description).orElse("");
    FunctionRequest req =
        new FunctionRequest(
            name, description.isBlank() ? "see the source's Javadoc" : description, List.of());
    Generators.Reply r =
        gen.ask("test_generator", Prompts.testRequest(req, source, null, List.of()));
    int version =
        Optional.ofNullable(SkillHeader.parse(source)).map(SkillHeader::version).orElse(1);
    SkillHeader th =
        new SkillHeader(
            name.testClassName(),
            version,
            Instant.now(),
            Instant.now(),
            gen.label("test_generator"),
            req.hash());
    String tests = th.applyTo(dev.orca.skills.gate.JavaSources.extractCode(r.text()));
    GateResult g = gate.evaluate(name, source, tests, sources.workDir(name, "tests"));
    String formatted = g.testSource().isEmpty() ? tests : g.testSource();
    TestReport report =
        g.tests()
            .orElse(
                TestReport.notRun(
                    g.allIssues().stream()
                        .filter(i -> i.severity().blocks())
                        .map(ReviewIssue::render)
                        .findFirst()
                        .orElse("the tests could not be compiled")));
    boolean deployedAndUnchanged =
        state != null
            && state.deployed().isPresent()
            && state.deployed().get().sourceHash().equals(SkillStore.sha256(source));
    Path testFile = store.testFile(name);
    if (deployedAndUnchanged && !report.allPassed()) {
      // Failing tests must not replace the tests a deployed function passed: keep them aside.
      testFile = sources.workDir(name, "tests").resolve(name.testClassName() + ".candidate.java");
    }
    SkillStore.write(testFile, formatted);
    if (deployedAndUnchanged && report.allPassed()) {
      VersionRecord d = state.deployed().get();
      store.save(state.with(GenerationRecords.withTestHash(d, SkillStore.sha256(formatted))));
    }
    history.record(
        name.method(),
        version,
        SkillEventType.TESTED,
        d -> GenerationRecords.testDetails(d, report),
        r.tokens(),
        0);
    return new TestsResult(name, testFile, report, g.testIssues(), r.tokens());
  }

  /**
   * Reviews a function: static checks (format, javac lint, policy, Checkstyle, smells) plus the
   * {@code code_reviewer} sub-agent when a model is configured.
   *
   * @param path a function's name, class name or file
   * @return the findings, most severe first
   */
  public synchronized List<ReviewIssue> review(String path) {
    SkillName name = resolveName(path);
    String source = sources.sourceFor(path, name);
    GateResult g = gate.evaluate(name, source, null, sources.workDir(name, "review"));
    List<ReviewIssue> issues = new ArrayList<>(g.functionIssues());
    long tokens = 0;
    if (generators != null && g.compiled()) {
      String description =
          store
              .state(SkillKind.FUNCTION, name.method())
              .flatMap(SkillState::latest)
              .map(VersionRecord::description)
              .orElse("");
      Generators.Reply r =
          generators.ask("code_reviewer", Prompts.reviewRequest(description, g.source(), ""));
      tokens = r.tokens();
      issues.addAll(ReviewParser.parse(r.text()));
    }
    issues.sort(
        java.util.Comparator.comparing(ReviewIssue::severity).thenComparingInt(ReviewIssue::line));
    int version =
        Optional.ofNullable(SkillHeader.parse(source)).map(SkillHeader::version).orElse(1);
    history.record(
        name.method(),
        version,
        SkillEventType.REVIEWED,
        d -> GenerationRecords.reviewDetails(d, issues),
        tokens,
        0);
    return issues;
  }

  /**
   * Generates a sub-agent with {@code agent_generator}, validates it, and deploys it as the
   * approval policy says.
   *
   * @param name the agent's name (lower_snake_case)
   * @param purpose what it is for
   * @param tools the tools it may call
   * @return what was made
   */
  public synchronized AgentResult generateSubagent(
      String name, String purpose, List<String> tools) {
    Generators gen = requireGenerators("generateSubagent");
    AgentGenerator ag = new AgentGenerator(gen, gate, store, config, toolExists, history);
    AgentResult r = ag.generate(name, purpose, tools);
    boolean deploy =
        switch (config.approval()) {
          case AUTO -> r.valid();
          case ASK ->
              approvalPrompt.ask(
                      "agent "
                          + name
                          + " v"
                          + r.version()
                          + ": "
                          + (r.valid() ? "valid" : String.join("; ", r.problems())))
                  == ApprovalPrompt.Decision.APPROVE;
          case NEVER -> false;
        };
    if (deploy) {
      Path dir =
          ag.deploy(
              name, r.version(), config.approval() == ApprovalPolicy.AUTO ? "gate" : "person");
      listeners.forEach(l -> l.agentDeployed(name, dir));
      return r.deployedTo(dir);
    }
    return r;
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Deploys a waiting version (a person's approval overrides a failed gate).
   *
   * @param nameText the function or agent
   * @param version the version, or empty for the newest waiting one
   * @return the deployed version
   */
  public synchronized int approve(String nameText, Optional<Integer> version) {
    if (isAgent(nameText)) {
      AgentGenerator ag = new AgentGenerator(generators, gate, store, config, toolExists, history);
      int v = ag.pendingVersion(nameText, version);
      Path dir = ag.deploy(nameText, v, "person");
      listeners.forEach(l -> l.agentDeployed(nameText, dir));
      return v;
    }
    SkillName name = SkillName.of(nameText);
    SkillState state = deployments.requireState(name);
    int v =
        version.orElseGet(
            () ->
                state.versions().stream()
                    .filter(r -> r.status() == VersionStatus.PENDING)
                    .mapToInt(VersionRecord::version)
                    .max()
                    .orElseThrow(
                        () ->
                            OrcaException.invalid(
                                name
                                    + " has no version waiting for approval (see orca skills show "
                                    + name
                                    + ").")));
    VersionRecord rec = state.version(v).orElseThrow(() -> Deployments.noVersion(name, v));
    if (rec.status() == VersionStatus.DEPLOYED) {
      throw OrcaException.invalid(name + " v" + v + " is already deployed.");
    }
    deployments.deploy(name, v, "person", false);
    return v;
  }

  /**
   * Rejects a waiting version.
   *
   * @param nameText the function
   * @param version the version, or empty for the newest waiting one
   * @return {@link VersionStatus#REJECTED}
   */
  public synchronized VersionStatus reject(String nameText, Optional<Integer> version) {
    return reject(SkillName.of(nameText), version);
  }

  private VersionStatus reject(SkillName name, Optional<Integer> version) {
    SkillState state = deployments.requireState(name);
    int v =
        version.orElseGet(
            () ->
                state.versions().stream()
                    .filter(r -> r.status() == VersionStatus.PENDING)
                    .mapToInt(VersionRecord::version)
                    .max()
                    .orElseThrow(
                        () ->
                            OrcaException.invalid(name + " has no version waiting for approval.")));
    VersionRecord rec = state.version(v).orElseThrow(() -> Deployments.noVersion(name, v));
    if (rec.status() != VersionStatus.PENDING) {
      throw OrcaException.invalid(
          name
              + " v"
              + v
              + " is "
              + rec.status().name().toLowerCase(Locale.ROOT)
              + "; only a waiting version can be rejected (use rollback for a deployed one).");
    }
    store.save(state.with(rec.withStatus(VersionStatus.REJECTED)));
    history.record(name.method(), v, SkillEventType.REJECTED, d -> d.put("by", "person"), 0, 0);
    return VersionStatus.REJECTED;
  }

  /**
   * Deploys an earlier version again.
   *
   * @param nameText the function
   * @param version the version, or empty for the one deployed before the current one
   * @return the version now deployed
   */
  public synchronized int rollback(String nameText, Optional<Integer> version) {
    SkillName name = SkillName.of(nameText);
    SkillState state = deployments.requireState(name);
    VersionRecord current =
        state
            .deployed()
            .orElseThrow(
                () -> OrcaException.invalid(name + " has no deployed version to roll back from."));
    int target =
        version.orElseGet(
            () ->
                state.versions().stream()
                    .filter(
                        r ->
                            r.version() < current.version()
                                && r.status() == VersionStatus.SUPERSEDED)
                    .mapToInt(VersionRecord::version)
                    .max()
                    .orElseThrow(
                        () ->
                            OrcaException.invalid(
                                name
                                    + " v"
                                    + current.version()
                                    + " has no earlier deployed version; give one:"
                                    + " orca skills rollback "
                                    + name
                                    + " VERSION.")));
    if (target == current.version()) {
      throw OrcaException.invalid(name + " v" + target + " is already deployed.");
    }
    state.version(target).orElseThrow(() -> Deployments.noVersion(name, target));
    deployments.deploy(name, target, "person", true);
    return target;
  }

  // ---------------------------------------------------------------- load and re-gate

  /**
   * Checks every learned function before it is loaded: deployed files load as they are; a file
   * edited by hand (its hash differs from the deployed record) or without a record is gated again
   * with its tests, and deployed as a new version only when it passes.
   *
   * @return per function, whether it loads and why not
   */
  public synchronized List<LoadEntry> checkFunctions() {
    return checks.checkAll();
  }

  /**
   * Checks every learned agent before it is registered: a deployed directory loads as it is; one
   * edited by hand (or written without Orca) is validated again and recorded as a new version when
   * valid, and not loaded (with the reason) when not.
   *
   * @return per agent, whether it loads and why not
   */
  public synchronized List<LoadEntry> checkAgents() {
    return AgentChecks.checkAll(
        store, new AgentGenerator(generators, gate, store, config, toolExists, history));
  }

  /** The functions that load now (after {@link #checkFunctions}), with their sources. */
  public synchronized List<DeployedFunction> deployedFunctions() {
    return checks.deployed();
  }

  /**
   * Gates one function's current files again ({@code orca skills test NAME}); an edited file that
   * passes becomes a new deployed version, one that fails is withdrawn.
   *
   * @param nameText the function
   * @return whether it loads, and why not
   */
  public synchronized LoadEntry check(String nameText) {
    return checks.check(SkillName.of(nameText));
  }

  /**
   * The last gate result of {@link #check}, with the test report, for the CLI.
   *
   * @param nameText the function
   * @return the gate result of its current files
   */
  public synchronized GateResult gateCurrent(String nameText) {
    return checks.gateCurrent(SkillName.of(nameText));
  }

  // ---------------------------------------------------------------- list and show

  /**
   * Every learned skill with its deployed version and state.
   *
   * @return one summary per skill, functions first
   */
  public synchronized List<SkillSummary> list() {
    return SkillListing.list(store);
  }

  /**
   * One skill's record and files.
   *
   * @param nameText a function or agent name
   * @return its state, or empty when unknown
   */
  public synchronized Optional<SkillState> state(String nameText) {
    if (isAgent(nameText)) {
      return store.state(SkillKind.AGENT, nameText);
    }
    return store.state(SkillKind.FUNCTION, SkillName.of(nameText).method());
  }

  /**
   * Records that kernel code used a function.
   *
   * @param name the function
   * @param tokensSaved estimated tokens saved by not writing it again
   */
  public void recordUse(SkillName name, long tokensSaved) {
    int v =
        store
            .state(SkillKind.FUNCTION, name.method())
            .flatMap(SkillState::deployed)
            .map(VersionRecord::version)
            .orElse(1);
    history.record(name.method(), v, SkillEventType.USED, null, 0, tokensSaved);
  }

  // ---------------------------------------------------------------- helpers

  private boolean isAgent(String name) {
    return name != null
        && (name.contains("_") || Files.isDirectory(store.agentDir(name)))
        && !Files.isRegularFile(store.functionFile(safeName(name)));
  }

  private static SkillName safeName(String name) {
    try {
      return SkillName.of(name);
    } catch (OrcaException e) {
      return new SkillName("x");
    }
  }

  private Generators requireGenerators(String what) {
    if (generators == null) {
      throw OrcaException.configuration(
          what
              + " needs a model for its generator sub-agents: configure one (--model"
              + " PROVIDER:MODEL or [model] in config.toml; see orca doctor).");
    }
    return generators;
  }

  /**
   * Resolves what a caller named: a function name, class name, or a file path.
   *
   * @param path the text
   * @return the function's name
   */
  public SkillName resolveName(String path) {
    return SkillSources.resolveName(path);
  }

  /** Builds a {@link SkillService}. */
  public static final class Builder {
    private final OrcaHome home;
    private SkillsConfig config;
    private Generators generators;
    private ClassGuard guard;
    private OsSandbox sandbox;
    private HistoryStore history;
    private Supplier<String> sessionId = () -> null;
    private ApprovalPrompt approvalPrompt = ApprovalPrompt.NONE;
    private Predicate<String> toolExists = t -> true;

    private Builder(OrcaHome home) {
      this.home = Objects.requireNonNull(home, "home");
    }

    /** Settings; by default {@code [skills]} of the home's config.toml. */
    public Builder config(SkillsConfig c) {
      this.config = c;
      return this;
    }

    /** The generator sub-agents; without them only the model-free operations work. */
    public Builder generators(Generators g) {
      this.generators = g;
      return this;
    }

    /** The kernel's bytecode policy, applied to generated classes (default: the kernel's own). */
    public Builder classGuard(ClassGuard g) {
      this.guard = Objects.requireNonNull(g, "guard");
      return this;
    }

    /** OS isolation for the test JVM (default: the best this machine offers). */
    public Builder osSandbox(OsSandbox s) {
      this.sandbox = Objects.requireNonNull(s, "sandbox");
      return this;
    }

    /** Where the per-skill record goes. */
    public Builder history(HistoryStore h) {
      this.history = h;
      return this;
    }

    /** The current session's id, for history records. */
    public Builder sessionId(Supplier<String> s) {
      this.sessionId = Objects.requireNonNull(s, "sessionId");
      return this;
    }

    /** Who answers {@code approval = "ask"}. */
    public Builder approvalPrompt(ApprovalPrompt p) {
      this.approvalPrompt = Objects.requireNonNull(p, "approvalPrompt");
      return this;
    }

    /** Whether a tool name exists (validates generated agents' tool lists). */
    public Builder toolExists(Predicate<String> p) {
      this.toolExists = Objects.requireNonNull(p, "toolExists");
      return this;
    }

    /** Builds the service. */
    public SkillService build() {
      if (config == null) {
        config = SkillsConfig.load(home.configFile());
      }
      if (guard == null) {
        guard = new dev.orca.kernelagent.policy.PolicyClassGuard();
      }
      if (sandbox == null) {
        sandbox = dev.orca.kernel.sandbox.OsSandboxes.detect();
      }
      return new SkillService(this);
    }
  }
}
