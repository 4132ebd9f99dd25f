package dev.orca.cli.eval;

import dev.orca.agent.provider.ModelConfig;
import dev.orca.agent.provider.ModelFactory;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.cli.ExitCodes;
import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import dev.orca.skills.ApprovalPolicy;
import dev.orca.skills.ApprovalPrompt;
import dev.orca.skills.SkillsConfig;
import dev.orca.skills.eval.EvalHarness;
import dev.orca.skills.eval.EvalReport;
import dev.orca.skills.eval.EvalTask;
import dev.orca.skills.runtime.SkillsSetup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code orca eval skills}: runs the function-generation tasks with hidden reference tests against
 * a real model and reports first-try compile rate, gate pass rate, hidden-test pass rate, rounds
 * and tokens. Each task runs in a throw-away home under {@code HOME/cache/eval/}.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Evaluate a model on Orca's self-evolution tasks: orca eval skills.")
public final class EvalCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SUITE", description = "the suite to run: skills")
  String suite;

  @Option(names = "--home", paramLabel = "DIR", description = "Orca home.")
  Path home;

  @Option(names = "--model", paramLabel = "PROVIDER:MODEL", description = "The model to evaluate.")
  String model;

  @Option(names = "--base-url", paramLabel = "URL", description = "Another provider endpoint.")
  String baseUrl;

  @Option(
      names = "--tasks",
      split = ",",
      paramLabel = "NAME",
      description = "Only these tasks (default: all).")
  Set<String> only;

  @Override
  public Integer call() {
    if (!"skills".equals(suite)) {
      throw OrcaException.configuration("Unknown suite '" + suite + "': the suite is 'skills'.");
    }
    OrcaHome h = OrcaHome.resolve(home, System.getenv()).create();
    ModelSettings settings =
        ModelConfig.resolve(model, baseUrl, h.configFile(), System.getenv())
            .orElseThrow(() -> OrcaException.configuration(ModelConfig.HOW_TO_CONFIGURE));
    var chat = new ModelFactory().chatModel(settings);
    List<EvalTask> tasks =
        EvalTask.all().stream()
            .filter(t -> only == null || only.contains(t.name().method()))
            .toList();
    if (tasks.isEmpty()) {
      throw OrcaException.configuration("No eval task matches " + only + ".");
    }
    SkillsConfig config = SkillsConfig.load(h.configFile()).withApproval(ApprovalPolicy.NEVER);
    Path work = h.cacheDir().resolve("eval").resolve(Instant.now().toString().replace(':', '-'));
    EvalHarness harness =
        new EvalHarness(
            home ->
                SkillsSetup.service(
                    home, chat, settings.label(), null, ApprovalPrompt.NONE, config),
            work);
    System.err.println(
        "orca: evaluating "
            + settings.label()
            + " on "
            + tasks.size()
            + " tasks (work files in "
            + work
            + ")");
    EvalReport report =
        harness.run(settings.label(), tasks, line -> System.err.println("  " + line));
    System.out.print(report.render());
    return ExitCodes.OK;
  }
}
