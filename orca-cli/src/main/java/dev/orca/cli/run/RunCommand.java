package dev.orca.cli.run;

import dev.orca.agent.AgentConfig;
import dev.orca.agent.AgentSession;
import dev.orca.agent.ProgressPrinter;
import dev.orca.agent.RunResult;
import dev.orca.agent.provider.ModelConfig;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.cli.CommonOptions;
import dev.orca.cli.ExitCodes;
import dev.orca.cli.OrcaRuntime;
import dev.orca.cli.sessions.SessionKernel;
import dev.orca.cli.sessions.SessionOptions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code orca run "TASK"}: one task, non-streaming. The final answer goes to stdout; progress
 * (step, tool, tokens so far) and the closing token summary to stderr. Exit 0 when the model
 * answered, 1 when the task failed (step or time limit, model unavailable), 2 for usage or
 * configuration errors (no model configured, bad key). The run works in a session ({@code --session
 * NAME}, resumed when it exists; else a generated name), checkpointed after every successful cell.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run one task with a model that works through code in the kernel.")
public final class RunCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(
      names = "--model",
      paramLabel = "PROVIDER:MODEL",
      description = "anthropic:NAME, openai:NAME, ollama:NAME or gemini:NAME (default: config).")
  String model;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Another endpoint for the provider: a proxy or an OpenAI-compatible server.")
  String baseUrl;

  @Option(
      names = "--max-steps",
      paramLabel = "N",
      description = "Most model turns for the task (default: config, else 40).")
  Integer maxSteps;

  @Mixin SessionOptions sessionOptions = new SessionOptions();

  @Parameters(arity = "1..*", paramLabel = "TASK", description = "The task, in plain words.")
  List<String> task;

  @Override
  public Integer call() {
    // The orchestrator records each execute_code cell in history.db itself, with its tokens.
    try (OrcaRuntime runtime =
        OrcaRuntime.open(common, sessionOptions.request("run").recordedByTheLoop())) {
      Optional<ModelSettings> settings =
          ModelConfig.resolve(model, baseUrl, runtime.home().configFile(), System.getenv());
      if (settings.isEmpty()) {
        System.err.println("orca run: no model is configured. " + ModelConfig.HOW_TO_CONFIGURE);
        System.err.println("Without a model, `orca repl` gives you the kernel directly.");
        return ExitCodes.USAGE;
      }
      AgentConfig config = AgentConfig.from(ModelConfig.read(runtime.home().configFile()));
      if (maxSteps != null) {
        config = config.withMaxSteps(maxSteps);
      }
      runtime.startKernel();
      ProgressPrinter progress = new ProgressPrinter(System.err, common.verbose());
      System.err.println(
          "orca: "
              + settings.get().label()
              + ", home "
              + runtime.home().root()
              + ", "
              + runtime.session().orElseThrow().describe());
      // the warm-up cell is not the task's: it is neither checkpointed nor recorded
      AgentSession.warmUp(SessionKernel.innermost(runtime.kernel()));
      // history rows carry the session's name, like the cells and sub-agent calls of the run
      try (AgentSession session =
          runtime.agentSession(settings.get()).config(config).retryListener(progress).build()) {
        RunResult result = session.ask(String.join(" ", task), progress);
        System.err.println(ProgressPrinter.summary(result));
        if (result.completed()) {
          System.out.println(result.answer());
          return ExitCodes.OK;
        }
        System.err.println("orca: " + result.answer());
        return ExitCodes.FAILED;
      }
    }
  }
}
