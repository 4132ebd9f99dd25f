package dev.orca.cli.analyze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.agent.provider.ModelConfig;
import dev.orca.cli.ErrorHandler;
import dev.orca.cli.ExitCodes;
import dev.orca.cli.skills.ConsoleApprovalPrompt;
import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.HistoryStore;
import dev.orca.skills.ApprovalPrompt;
import dev.orca.skills.FunctionResult;
import dev.orca.skills.SkillService;
import dev.orca.skills.analysis.AnalysisReport;
import dev.orca.skills.analysis.FunctionRequest;
import dev.orca.skills.analysis.PatternMiner;
import dev.orca.skills.analysis.RepeatedWork;
import dev.orca.skills.analysis.SuggestionHandoff;
import dev.orca.skills.runtime.SkillJson;
import dev.orca.skills.runtime.SkillsSetup;
import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.SkillName;
import dev.orca.skills.store.VersionStatus;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.Optional;

/**
 * {@code orca analyze --generate ID}: shows a suggestion with the past cells it would hand to the
 * generators, asks a person (unless {@code --yes}), then runs it through function generation, the
 * gate and deployment ({@link SuggestionHandoff}). Deployment follows {@code [skills] approval};
 * with {@code "ask"} the same terminal is asked again once the gate has run.
 */
final class SuggestionGeneration {

  private final OrcaHome home;
  private final SuggestionModels models;
  private final BufferedReader in;
  private final PrintStream out;
  private final PrintStream err;

  SuggestionGeneration(
      OrcaHome home, SuggestionModels models, BufferedReader in, PrintStream out, PrintStream err) {
    this.home = home;
    this.models = models;
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs it.
   *
   * @param id the suggestion's rank or id as {@code orca analyze} shows it
   * @param name another name for the function, or {@code null}
   * @param yes whether to skip the question
   * @param json whether to print the result as JSON
   * @param model {@code --model}, or {@code null}
   * @param baseUrl {@code --base-url}, or {@code null}
   * @return the exit code: 0 deployed (or passed the gate and waits for approval as the policy
   *     says), 1 not generated, failed or refused by the gate or a person, 2 usage or configuration
   *     error
   */
  int run(String id, String name, boolean yes, boolean json, String model, String baseUrl) {
    try (HistoryStore history = HistoryStore.open(home)) {
      PatternMiner miner = new PatternMiner(history);
      AnalysisReport report = miner.analyze(SuggestionHandoff.SEARCHED);
      Optional<RepeatedWork> found = SuggestionHandoff.find(report, id);
      if (found.isEmpty()) {
        err.println("orca analyze: " + SuggestionHandoff.unknown(id, report).getMessage());
        return ExitCodes.USAGE;
      }
      RepeatedWork work = found.get();
      Optional<SuggestionModels.Resolved> m = models.resolve(home, model, baseUrl);
      if (m.isEmpty()) {
        err.println(
            "orca analyze: --generate needs a model to write the function and its tests, and none"
                + " is configured. "
                + ModelConfig.HOW_TO_CONFIGURE);
        return ExitCodes.USAGE;
      }
      ApprovalPrompt prompt = new ConsoleApprovalPrompt(in, err);
      SkillService skills =
          SkillsSetup.service(home, m.get().model(), m.get().label(), history, prompt);
      SuggestionHandoff handoff = new SuggestionHandoff(miner, skills);
      FunctionRequest req;
      try {
        req = handoff.request(work, name);
        handoff.requireNameFree(req.name());
      } catch (OrcaException e) {
        err.println("orca analyze: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      int rank = report.patterns().indexOf(work) + 1;
      if (!yes) {
        String summary = describe(rank, work, req, m.get().label(), skills);
        if (prompt.ask(summary) != ApprovalPrompt.Decision.APPROVE) {
          err.println("Nothing generated.");
          return ExitCodes.FAILED;
        }
      }
      err.println(
          "Generating " + req.name() + " with " + m.get().label() + " from suggestion " + rank);
      FunctionResult r;
      try {
        r = handoff.generate(req);
      } catch (ConfigurationException e) {
        throw e;
      } catch (RuntimeException e) {
        // A generator or the model failed part-way: the version was never recorded or deployed.
        String why = ErrorHandler.messageOf(e).strip();
        err.println(
            "orca analyze: generating "
                + req.name()
                + " failed: "
                + why
                + (why.endsWith(".") ? "" : ".")
                + " Nothing was deployed.");
        return ExitCodes.FAILED;
      }
      report(r, work, req, json, skills);
      boolean waitsByChoice = r.gatePassed() && r.status() == VersionStatus.PENDING;
      return r.deployed() || waitsByChoice ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  private void report(
      FunctionResult r, RepeatedWork work, FunctionRequest req, boolean json, SkillService skills) {
    if (json) {
      ObjectNode o = SkillJson.of(r);
      ObjectNode s = o.putObject("suggestion");
      s.put("id", work.id());
      s.put("count", work.count());
      s.put("examples", req.examples().size());
      out.println(o.toPrettyString());
    }
    String tests = r.tests().map(t -> t.summary()).orElse("tests not run");
    if (r.deployed()) {
      if (!json) {
        out.println(r.name() + " v" + r.version() + " deployed: " + r.path());
        out.println("  " + r.signature());
        out.println("  " + r.rounds() + " round(s); " + tests + "; " + r.tokens() + " tokens");
        out.println(r.message());
      }
      return;
    }
    if (r.gatePassed() && r.status() == VersionStatus.PENDING) {
      if (!json) {
        out.println(r.name() + " v" + r.version() + " passed the gate. " + r.message());
      }
      return;
    }
    err.println(
        "orca analyze: "
            + r.name()
            + " v"
            + r.version()
            + " was generated but not deployed: "
            + r.message());
    r.issues().stream()
        .filter(i -> i.severity().blocks())
        .limit(5)
        .forEach(i -> err.println("  " + i.render()));
    err.println("  " + tests);
    err.println(
        "  Every round is kept under "
            + skills
                .store()
                .versionDir(SkillKind.FUNCTION, SkillName.of(req.name()).method(), r.version())
                .resolve("rounds"));
  }

  private static String describe(
      int rank, RepeatedWork work, FunctionRequest req, String model, SkillService skills) {
    StringBuilder b = new StringBuilder();
    b.append("Suggestion ")
        .append(rank)
        .append(" [")
        .append(work.id())
        .append("]: ")
        .append(work.kind().replace('_', ' '))
        .append(", ")
        .append(work.count())
        .append("x in ")
        .append(work.sessions())
        .append(" session(s), would save ~")
        .append(work.estimatedSaving())
        .append(" tokens\n");
    b.append("Function: ").append(req.name()).append('\n');
    if (!req.signatureHint().isEmpty()) {
      b.append("Signature hint:\n");
      req.signatureHint().lines().forEach(l -> b.append("  ").append(l).append('\n'));
    }
    b.append("Past cells handed to the generator as examples (")
        .append(req.examples().size())
        .append("):\n");
    int n = 1;
    for (String example : req.examples()) {
      b.append("  --- ").append(n++).append('\n');
      example.strip().lines().forEach(l -> b.append("  ").append(l).append('\n'));
    }
    b.append(model)
        .append(" writes the function and its tests; the gate compiles it, checks it against the")
        .append(" kernel's policy and runs its tests in a separate JVM. ")
        .append(
            switch (skills.config().approval()) {
              case AUTO -> "It is deployed only if it passes ([skills] approval = \"auto\").";
              case ASK ->
                  "You are asked again before it is deployed ([skills] approval = \"ask\").";
              case NEVER ->
                  "It is kept, not deployed ([skills] approval = \"never\"; orca skills approve"
                      + " deploys it).";
            });
    return b.toString();
  }
}
