package dev.orca.skills.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.skills.ReviewIssue;
import dev.orca.skills.SkillsConfig;
import dev.orca.skills.TestReport;
import dev.orca.skills.gate.FunctionGate;
import dev.orca.skills.gate.GateResult;
import dev.orca.skills.gate.JavaSources;
import dev.orca.skills.store.SkillHeader;
import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.SkillName;
import dev.orca.skills.store.SkillStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The refinement loop for one function: {@code code_generator} writes it, the gate formats,
 * compiles and checks it, {@code test_generator} writes its tests, the tests run with coverage,
 * {@code code_reviewer} reviews it; compiler errors, policy refusals, failing tests, low coverage
 * and blocking review findings go back to the generator that can fix them, until the function
 * passes or the round limit is reached. Every round's artefacts are kept under the version's {@code
 * rounds/N/}.
 */
public final class FunctionGenerator {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Generators generators;
  private final FunctionGate gate;
  private final SkillStore store;
  private final SkillsConfig config;

  /**
   * Creates a generator.
   *
   * @param generators the generator sub-agents
   * @param gate the model-independent gate
   * @param store where rounds are kept
   * @param config round limit and coverage threshold
   */
  public FunctionGenerator(
      Generators generators, FunctionGate gate, SkillStore store, SkillsConfig config) {
    this.generators = generators;
    this.gate = gate;
    this.store = store;
    this.config = config;
  }

  /**
   * Runs the rounds.
   *
   * @param req the request
   * @param header the header for the new version (its name, version and times)
   * @return the outcome of the last round
   */
  public GenerationOutcome generate(FunctionRequest req, SkillHeader header) {
    SkillName name = req.name();
    int version = header.version();
    SkillHeader testHeader =
        new SkillHeader(
            name.testClassName(),
            version,
            header.created(),
            header.updated(),
            generators.label("test_generator"),
            header.requestHash());
    String source = null;
    String tests = null;
    List<String> codeFeedback = new ArrayList<>();
    List<String> testFeedback = new ArrayList<>();
    boolean needCode = true;
    boolean needTests = true;
    boolean firstTryCompiled = false;
    int failingRounds = 0;
    long tokens = 0;
    GateResult last = null;
    List<ReviewIssue> lastIssues = List.of();
    int round = 0;
    boolean passed = false;
    while (round < config.maxRounds() && !passed) {
      round++;
      Path rd = store.roundDir(SkillKind.FUNCTION, name.method(), version, round);
      List<String> feedbackGiven = new ArrayList<>();
      if (needCode) {
        feedbackGiven.addAll(codeFeedback);
        Generators.Reply r =
            generators.ask("code_generator", Prompts.codeRequest(req, source, codeFeedback));
        tokens += r.tokens();
        source = header.applyTo(JavaSources.extractCode(r.text()));
      }
      GateResult fn = gate.evaluate(name, source, null, rd);
      if (round == 1) {
        firstTryCompiled = fn.compiled();
      }
      last = fn;
      lastIssues = fn.allIssues();
      if (fn.functionBlocked()) {
        codeFeedback = render(fn.functionIssues(), true);
        needCode = true;
        saveRound(rd, round, fn, lastIssues, feedbackGiven);
        continue;
      }
      source = fn.source();
      if (needTests || tests == null) {
        feedbackGiven.addAll(testFeedback);
        Generators.Reply r =
            generators.ask("test_generator", Prompts.testRequest(req, source, tests, testFeedback));
        tokens += r.tokens();
        tests = testHeader.applyTo(JavaSources.extractCode(r.text()));
      }
      GateResult g = gate.evaluate(name, source, tests, rd);
      last = g;
      lastIssues = g.allIssues();
      tests = g.testSource().isEmpty() ? tests : g.testSource();
      TestReport report = g.tests().orElse(null);
      if (g.testsBlocked() || report == null || !report.error().isEmpty()) {
        testFeedback = render(g.testIssues(), true);
        if (report != null && !report.error().isEmpty()) {
          testFeedback.add("the tests could not run: " + report.error());
        }
        needTests = true;
        needCode = false;
        saveRound(rd, round, g, lastIssues, feedbackGiven);
        continue;
      }
      if (!report.allPassed()) {
        failingRounds++;
        codeFeedback = new ArrayList<>();
        codeFeedback.add("tests failed: " + report.summary());
        for (String f : report.failures()) {
          codeFeedback.add("failed test " + f);
        }
        needCode = true;
        needTests = failingRounds >= 2;
        testFeedback = new ArrayList<>();
        if (needTests) {
          testFeedback.add(
              "these tests keep failing; check each expected value against the"
                  + " description and examples: "
                  + String.join("; ", report.failures()));
        }
        saveRound(rd, round, g, lastIssues, feedbackGiven);
        continue;
      }
      if (report.lineCoverage() < config.minCoverage()) {
        testFeedback = new ArrayList<>();
        testFeedback.add(
            String.format(
                Locale.ROOT,
                "line coverage is %.0f%%, below the required %.0f%%: add tests for the branches not"
                    + " yet exercised (%s)",
                report.lineCoverage() * 100,
                config.minCoverage() * 100,
                report.summary()));
        needTests = true;
        needCode = false;
        saveRound(rd, round, g, lastIssues, feedbackGiven);
        continue;
      }
      Generators.Reply review =
          generators.ask(
              "code_reviewer", Prompts.reviewRequest(req.description(), source, report.summary()));
      tokens += review.tokens();
      List<ReviewIssue> all = new ArrayList<>(g.allIssues());
      all.addAll(ReviewParser.parse(review.text()));
      lastIssues = all;
      List<ReviewIssue> blocking = all.stream().filter(i -> i.severity().blocks()).toList();
      saveRound(rd, round, g, all, feedbackGiven);
      if (blocking.isEmpty()) {
        passed = true;
      } else {
        codeFeedback = render(blocking, false);
        needCode = true;
        needTests = false;
      }
    }
    Path vdir = store.versionDir(SkillKind.FUNCTION, name.method(), version);
    String finalSource =
        last != null && last.compiled() ? last.source() : Optional.ofNullable(source).orElse("");
    SkillStore.write(vdir.resolve(name.className() + ".java"), finalSource);
    if (tests != null) {
      SkillStore.write(vdir.resolve(name.testClassName() + ".java"), tests);
    }
    return new GenerationOutcome(
        name,
        version,
        round,
        firstTryCompiled,
        passed,
        finalSource,
        tests == null ? "" : tests,
        last == null ? "" : last.signature(),
        lastIssues,
        last == null ? Optional.empty() : last.tests(),
        tokens,
        vdir);
  }

  private static List<String> render(List<ReviewIssue> issues, boolean blockingOnly) {
    List<String> out = new ArrayList<>();
    for (ReviewIssue i : issues) {
      if (!blockingOnly || i.severity().blocks()) {
        out.add(i.render());
      }
    }
    return out;
  }

  private static void saveRound(
      Path dir, int round, GateResult g, List<ReviewIssue> issues, List<String> feedback) {
    ObjectNode o = JSON.createObjectNode();
    o.put("round", round);
    o.put("compiled", g.compiled());
    o.put("tests", g.tests().map(TestReport::summary).orElse("not run"));
    ArrayNode failures = o.putArray("testFailures");
    g.tests().ifPresent(t -> t.failures().forEach(failures::add));
    ArrayNode fb = o.putArray("feedbackGiven");
    feedback.forEach(fb::add);
    ArrayNode is = o.putArray("issues");
    for (ReviewIssue i : issues) {
      ObjectNode n = is.addObject();
      n.put("severity", i.severity().wireName());
      n.put("line", i.line());
      n.put("message", i.message());
      n.put("suggestion", i.suggestion());
      n.put("source", i.source());
    }
    SkillStore.write(dir.resolve("round.json"), o.toPrettyString());
  }
}
