package dev.orca.cli.skills;

import dev.orca.cli.ExitCodes;
import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.HistoryStore;
import dev.orca.skills.ApprovalPrompt;
import dev.orca.skills.LoadEntry;
import dev.orca.skills.ReviewIssue;
import dev.orca.skills.SkillService;
import dev.orca.skills.SkillSummary;
import dev.orca.skills.gate.GateResult;
import dev.orca.skills.runtime.SkillsSetup;
import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.SkillName;
import dev.orca.skills.store.SkillState;
import dev.orca.skills.store.SkillStore;
import dev.orca.skills.store.VersionRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code orca skills list|show|test|review|approve|reject|rollback}: learned functions and
 * sub-agents under {@code learned_skills/}. The work is done by {@link SkillService}.
 */
@Command(
    name = "skills",
    mixinStandardHelpOptions = true,
    description = "List, show, test, review, approve, reject or roll back learned skills.")
public final class SkillsCommand implements Runnable {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Orca home (default: $ORCA_HOME, else ~/.orca).")
  Path home;

  @Option(
      names = "--model",
      paramLabel = "PROVIDER:MODEL",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Model for the code reviewer (review); default: ORCA_MODEL or config.toml.")
  String model;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Another endpoint for the provider (a proxy, a local server).")
  String baseUrl;

  private OrcaHome orcaHome() {
    return OrcaHome.resolve(home, System.getenv()).create();
  }

  private <T> T withService(boolean wantModel, java.util.function.Function<SkillService, T> f) {
    OrcaHome h = orcaHome();
    try (HistoryStore history = HistoryStore.open(h)) {
      Optional<SkillsModel.Resolved> m =
          wantModel ? SkillsModel.resolve(h, model, baseUrl) : Optional.empty();
      SkillService service =
          SkillsSetup.service(
              h,
              m.map(SkillsModel.Resolved::model).orElse(null),
              m.map(SkillsModel.Resolved::label).orElse(""),
              history,
              ApprovalPrompt.NONE);
      return f.apply(service);
    }
  }

  @Override
  public void run() {
    list();
  }

  /** {@code orca skills list}. */
  @Command(name = "list", description = "List learned functions and agents.")
  public int list() {
    List<SkillSummary> all = withService(false, SkillService::list);
    PrintStream out = System.out;
    if (all.isEmpty()) {
      out.println(
          "No learned skills yet. Kernel code creates them with generateFunction(...) or"
              + " generateSubagent(...).");
      return ExitCodes.OK;
    }
    out.printf(
        "%-24s %-8s %-7s %-9s %-10s  %s%n",
        "NAME", "KIND", "VERSION", "VERSIONS", "STATE", "SIGNATURE");
    for (SkillSummary s : all) {
      out.printf(
          "%-24s %-8s %-7s %-9d %-10s  %s%n",
          s.name(),
          s.kind().name().toLowerCase(Locale.ROOT),
          s.deployedVersion() == 0 ? "-" : "v" + s.deployedVersion(),
          s.versions(),
          s.state(),
          s.signature());
    }
    return ExitCodes.OK;
  }

  /** {@code orca skills show NAME}. */
  @Command(name = "show", description = "Show a skill's versions, gate results and source.")
  public int show(@Parameters(paramLabel = "NAME", description = "the skill") String name) {
    return withService(
        false,
        service -> {
          Optional<SkillState> st = service.state(name);
          PrintStream out = System.out;
          if (st.isEmpty()) {
            System.err.println(
                "orca: no learned skill named '" + name + "' (see: orca skills list)");
            return ExitCodes.FAILED;
          }
          SkillState s = st.get();
          out.println(s.kind().name().toLowerCase(Locale.ROOT) + " " + s.name());
          for (VersionRecord v : s.versions()) {
            out.printf(
                "  v%-3d %-10s %s  by %s%s  rounds %d  tests %d/%d  line %.0f%%  branch %.0f%%"
                    + "  tokens %d%n",
                v.version(),
                v.status().name().toLowerCase(Locale.ROOT),
                v.created(),
                v.generator(),
                v.approvedBy().isEmpty() ? "" : ", approved by " + v.approvedBy(),
                v.rounds(),
                v.testsPassed(),
                v.testsPassed() + v.testsFailed(),
                v.lineCoverage() * 100,
                v.branchCoverage() * 100,
                v.tokens());
            v.blockingIssues().forEach(i -> out.println("        " + i));
          }
          s.latest().ifPresent(v -> out.println("\n" + v.description() + "\n" + v.signature()));
          Path file =
              s.kind() == SkillKind.FUNCTION
                  ? service.store().functionFile(SkillName.of(s.name()))
                  : service.store().agentDir(s.name()).resolve("agent.toml");
          SkillStore.read(file).ifPresent(text -> out.println("\n--- " + file + "\n" + text));
          return ExitCodes.OK;
        });
  }

  /** {@code orca skills test NAME}: runs the gate and the tests on the current files. */
  @Command(name = "test", description = "Gate a function's current files again and run its tests.")
  public int test(@Parameters(paramLabel = "NAME", description = "the function") String name) {
    return withService(
        false,
        service -> {
          GateResult g = service.gateCurrent(name);
          PrintStream out = System.out;
          out.println(g.tests().map(t -> t.summary()).orElse("tests not run"));
          g.tests().ifPresent(t -> t.failures().forEach(f -> out.println("  failed: " + f)));
          g.allIssues().stream()
              .filter(i -> i.severity().blocks())
              .forEach(i -> out.println("  " + i.render()));
          LoadEntry e = service.check(name);
          out.println(e.render());
          return e.loaded() ? ExitCodes.OK : ExitCodes.FAILED;
        });
  }

  /** {@code orca skills review NAME}. */
  @Command(name = "review", description = "Static checks plus the code reviewer (with a model).")
  public int review(@Parameters(paramLabel = "NAME", description = "the function") String name) {
    return withService(
        true,
        service -> {
          List<ReviewIssue> issues = service.review(name);
          PrintStream out = System.out;
          if (issues.isEmpty()) {
            out.println("No findings.");
          }
          issues.forEach(i -> out.println(i.render()));
          return issues.stream().anyMatch(i -> i.severity().blocks())
              ? ExitCodes.FAILED
              : ExitCodes.OK;
        });
  }

  /** {@code orca skills approve NAME [--version V]}. */
  @Command(name = "approve", description = "Deploy a waiting version (a person's approval).")
  public int approve(
      @Parameters(paramLabel = "NAME", description = "the skill") String name,
      @Option(
              names = "--version",
              paramLabel = "V",
              description = "the version (default: newest" + " waiting)")
          Integer version) {
    int v = withService(false, s -> s.approve(name, Optional.ofNullable(version)));
    System.out.println(name + " v" + v + " approved and deployed.");
    return ExitCodes.OK;
  }

  /** {@code orca skills reject NAME [--version V]}. */
  @Command(name = "reject", description = "Reject a waiting version.")
  public int reject(
      @Parameters(paramLabel = "NAME", description = "the function") String name,
      @Option(
              names = "--version",
              paramLabel = "V",
              description = "the version (default: newest" + " waiting)")
          Integer version) {
    withService(false, s -> s.reject(name, Optional.ofNullable(version)));
    System.out.println(name + " rejected.");
    return ExitCodes.OK;
  }

  /** {@code orca skills rollback NAME [VERSION]}. */
  @Command(name = "rollback", description = "Deploy an earlier version again.")
  public int rollback(
      @Parameters(index = "0", paramLabel = "NAME", description = "the function") String name,
      @Parameters(
              index = "1",
              arity = "0..1",
              paramLabel = "VERSION",
              description = "the version (default: the one deployed before)")
          String version) {
    Optional<Integer> v;
    try {
      v =
          version == null
              ? Optional.empty()
              : Optional.of(Integer.parseInt(version.replaceFirst("^[vV]", "")));
    } catch (NumberFormatException e) {
      throw OrcaException.invalid("VERSION must be a number like 2 or v2, not " + version + ".");
    }
    int now = withService(false, s -> s.rollback(name, v));
    System.out.println(name + " rolled back to v" + now + ".");
    return ExitCodes.OK;
  }
}
