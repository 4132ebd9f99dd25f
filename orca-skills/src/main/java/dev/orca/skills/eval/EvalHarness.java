package dev.orca.skills.eval;

import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import dev.orca.skills.FunctionResult;
import dev.orca.skills.SkillService;
import dev.orca.skills.gate.GateResult;
import dev.orca.skills.store.SkillStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs function-generation tasks through the whole self-evolution pipeline (generator, gate,
 * refinement) and then the task's hidden reference tests against the result. Each task runs in its
 * own throw-away home, so nothing is deployed into the user's skills.
 */
public final class EvalHarness {

  private final Function<OrcaHome, SkillService> services;
  private final Path workRoot;

  /**
   * Creates a harness.
   *
   * @param services makes a service (with generators on the model under test) for a home
   * @param workRoot where the per-task homes are created
   */
  public EvalHarness(Function<OrcaHome, SkillService> services, Path workRoot) {
    this.services = Objects.requireNonNull(services, "services");
    this.workRoot = Objects.requireNonNull(workRoot, "workRoot");
  }

  /**
   * Runs tasks.
   *
   * @param model the model's label for the report
   * @param tasks the tasks
   * @param progress told one line per finished task
   * @return the report
   */
  public EvalReport run(String model, List<EvalTask> tasks, Consumer<String> progress) {
    List<EvalResult> results = new ArrayList<>();
    for (EvalTask t : tasks) {
      EvalResult r = runOne(t);
      results.add(r);
      progress.accept(
          t.name()
              + ": gate "
              + (r.gatePassed() ? "passed" : "failed")
              + ", hidden tests "
              + (r.hiddenPassed() ? "passed" : "failed")
              + " ("
              + r.rounds()
              + " round(s), "
              + r.tokens()
              + " tokens)");
    }
    return new EvalReport(model, results);
  }

  private EvalResult runOne(EvalTask t) {
    OrcaHome home = new OrcaHome(workRoot.resolve(t.name().method())).create();
    SkillService service = services.apply(home);
    FunctionResult r;
    try {
      r = service.generateFunction(t.request());
    } catch (OrcaException e) {
      return new EvalResult(
          t.name().method(),
          t.category(),
          false,
          false,
          false,
          0,
          0,
          "generation failed: " + e.getMessage());
    }
    String source = SkillStore.read(r.path()).orElse("");
    if (source.isBlank()) {
      return new EvalResult(
          t.name().method(),
          t.category(),
          r.firstTryCompiled(),
          r.gatePassed(),
          false,
          r.rounds(),
          r.tokens(),
          "no source");
    }
    GateResult hidden =
        service
            .gate()
            .evaluate(t.name(), source, t.hiddenTest(), home.cacheDir().resolve("hidden"));
    boolean passed = hidden.tests().map(x -> x.allPassed()).orElse(false);
    String note =
        hidden
            .tests()
            .map(x -> x.summary() + (x.failures().isEmpty() ? "" : " — " + x.failures().get(0)))
            .orElse(
                hidden.allIssues().stream()
                    .filter(i -> i.severity().blocks())
                    .findFirst()
                    .map(i -> i.render())
                    .orElse("hidden tests did not run"));
    return new EvalResult(
        t.name().method(),
        t.category(),
        r.firstTryCompiled(),
        r.gatePassed(),
        passed,
        r.rounds(),
        r.tokens(),
        note);
  }
}
