package dev.orca.skills;

import dev.orca.core.history.SkillEventType;
import dev.orca.skills.gate.FunctionGate;
import dev.orca.skills.gate.GateResult;
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
import java.util.Optional;

/**
 * Re-gates learned functions before they are loaded: a deployed file whose source and tests match
 * the deployed record loads as it is; a file edited by hand (or written without Orca) is gated
 * again with its tests and deployed as a new version by "human" when it passes, withdrawn (with the
 * reason) when not.
 */
final class FunctionChecks {
  private final SkillStore store;
  private final FunctionGate gate;
  private final SkillsConfig config;
  private final SkillHistory history;
  private final Deployments deployments;
  private final SkillSources sources;
  private final List<SkillListener> listeners;

  FunctionChecks(
      SkillStore store,
      FunctionGate gate,
      SkillsConfig config,
      SkillHistory history,
      Deployments deployments,
      SkillSources sources,
      List<SkillListener> listeners) {
    this.store = store;
    this.gate = gate;
    this.config = config;
    this.history = history;
    this.deployments = deployments;
    this.sources = sources;
    this.listeners = listeners;
  }

  /** Checks every function that has a file; see {@link #check}. */
  List<LoadEntry> checkAll() {
    List<LoadEntry> out = new ArrayList<>();
    for (SkillName name : store.functionNames()) {
      if (!Files.isRegularFile(store.functionFile(name))) {
        continue;
      }
      out.add(check(name));
    }
    return out;
  }

  /** The functions that load now (unchanged since deployed), with their sources. */
  List<DeployedFunction> deployed() {
    List<DeployedFunction> out = new ArrayList<>();
    for (SkillName name : store.functionNames()) {
      Optional<SkillState> st = store.state(SkillKind.FUNCTION, name.method());
      Optional<VersionRecord> d = st.flatMap(SkillState::deployed);
      Optional<String> src = SkillStore.read(store.functionFile(name));
      if (d.isPresent()
          && src.isPresent()
          && SkillStore.sha256(src.get()).equals(d.get().sourceHash())
          && testsUnchanged(name, d.get())) {
        out.add(
            new DeployedFunction(
                name, d.get().version(), d.get().signature(), d.get().description(), src.get()));
      }
    }
    return out;
  }

  /** The gate's result on a function's current files (its source and its tests). */
  GateResult gateCurrent(SkillName name) {
    return gate.evaluate(
        name,
        sources.currentSource(name),
        SkillStore.read(store.testFile(name)).orElse(null),
        sources.workDir(name, "check"));
  }

  /**
   * Checks one function: loads as it is when unchanged, else gated again and deployed as a new
   * version by "human" when it passes, withdrawn when not.
   *
   * @param name the function
   * @return whether it loads, and why not
   */
  LoadEntry check(SkillName name) {
    String source = SkillStore.read(store.functionFile(name)).orElse("");
    Optional<SkillState> st = store.state(SkillKind.FUNCTION, name.method());
    Optional<VersionRecord> d = st.flatMap(SkillState::deployed);
    if (d.isPresent()
        && SkillStore.sha256(source).equals(d.get().sourceHash())
        && testsUnchanged(name, d.get())) {
      return new LoadEntry(name.method(), SkillKind.FUNCTION, d.get().version(), true, false, "");
    }
    Optional<String> tests = SkillStore.read(store.testFile(name));
    GateResult g = gate.evaluate(name, source, tests.orElse(null), sources.workDir(name, "check"));
    if (!g.passed(config.minCoverage())) {
      String why = whyNot(g, tests.isPresent());
      listeners.forEach(l -> l.functionWithdrawn(name, why));
      return new LoadEntry(name.method(), SkillKind.FUNCTION, 0, false, true, why);
    }
    SkillState state = st.orElse(new SkillState(name.method(), SkillKind.FUNCTION, List.of()));
    int version = state.nextVersion();
    SkillHeader old = SkillHeader.parse(source);
    Instant now = Instant.now();
    SkillHeader header =
        new SkillHeader(
            name.method(),
            version,
            old == null ? now : old.created(),
            now,
            "human",
            old == null ? "" : old.requestHash());
    String newSource = header.applyTo(g.source());
    String newTests = g.testSource();
    Path vdir = store.versionDir(SkillKind.FUNCTION, name.method(), version);
    SkillStore.write(vdir.resolve(name.className() + ".java"), newSource);
    SkillStore.write(vdir.resolve(name.testClassName() + ".java"), newTests);
    String description =
        d.map(VersionRecord::description)
            .or(() -> state.latest().map(VersionRecord::description))
            .orElse("");
    TestReport t = g.tests().orElseThrow();
    VersionRecord rec =
        new VersionRecord(
            version,
            VersionStatus.PENDING,
            now.toString(),
            "human",
            header.requestHash(),
            description,
            g.signature(),
            SkillStore.sha256(newSource),
            SkillStore.sha256(newTests),
            0,
            true,
            GenerationRecords.gateSummary(g.allIssues(), g.tests()),
            List.of(),
            t.passed(),
            t.failed(),
            t.lineCoverage(),
            t.branchCoverage(),
            "",
            0);
    store.save(state.with(rec));
    history.record(
        name.method(),
        version,
        SkillEventType.TESTED,
        dd -> GenerationRecords.testDetails(dd, t),
        0,
        0);
    deployments.deploy(name, version, "gate", false);
    return new LoadEntry(name.method(), SkillKind.FUNCTION, version, true, true, "");
  }

  private boolean testsUnchanged(SkillName name, VersionRecord d) {
    String tests = SkillStore.read(store.testFile(name)).orElse("");
    return d.testHash().isEmpty() || SkillStore.sha256(tests).equals(d.testHash());
  }

  private static String whyNot(GateResult g, boolean hasTests) {
    if (!hasTests) {
      return "it has no tests (learned_skills/tests/ is missing its test class); run orca skills"
          + " test after adding them, or generateTests";
    }
    List<String> parts = new ArrayList<>();
    g.allIssues().stream()
        .filter(i -> i.severity().blocks())
        .limit(3)
        .forEach(i -> parts.add(i.render()));
    g.tests()
        .ifPresent(
            t -> {
              if (!t.allPassed()) {
                parts.add(
                    "its tests fail: "
                        + t.summary()
                        + (t.failures().isEmpty() ? "" : " — " + t.failures().get(0)));
              } else if (parts.isEmpty()) {
                parts.add("coverage too low: " + t.summary());
              }
            });
    return parts.isEmpty() ? "it does not pass the gate" : String.join("; ", parts);
  }
}
