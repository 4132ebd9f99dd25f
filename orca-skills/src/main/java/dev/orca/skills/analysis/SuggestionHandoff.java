package dev.orca.skills.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.OrcaException;
import dev.orca.skills.FunctionResult;
import dev.orca.skills.SkillService;
import dev.orca.skills.runtime.SkillJson;
import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.SkillName;
import dev.orca.skills.store.SkillState;
import dev.orca.skills.store.VersionRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Hands a suggestion of the self-analysis to function generation: finds it by the id {@code orca
 * analyze} shows, turns it into a request that carries the concrete past cells as examples, a
 * proposed name and a signature hint, and runs it through {@link SkillService#generateFunction}
 * (generators, the gate, deployment as the approval policy says). Asking a person first is the
 * caller's part ({@code orca analyze --generate ID}).
 */
public final class SuggestionHandoff {

  /** How many ranked patterns are searched for an id. */
  public static final int SEARCHED = 1_000;

  private final PatternMiner miner;
  private final SkillService skills;

  /**
   * Creates the hand-off.
   *
   * @param miner the miner over the home's history
   * @param skills the skill service (with generators, to generate)
   */
  public SuggestionHandoff(PatternMiner miner, SkillService skills) {
    this.miner = Objects.requireNonNull(miner, "miner");
    this.skills = Objects.requireNonNull(skills, "skills");
  }

  /**
   * Finds a suggestion in a report: by its rank in the list (1, 2, …), its {@link RepeatedWork#id
   * id} (or a prefix of it that only it has) or its fingerprint.
   *
   * @param report a report of {@link PatternMiner#analyze}
   * @param id what the user typed
   * @return the suggestion, or empty when none matches
   */
  public static Optional<RepeatedWork> find(AnalysisReport report, String id) {
    String key = id == null ? "" : id.strip();
    if (key.isEmpty()) {
      return Optional.empty();
    }
    List<RepeatedWork> all = report.patterns();
    if (key.matches("#?\\d{1,6}")) {
      int rank = Integer.parseInt(key.replace("#", ""));
      return rank >= 1 && rank <= all.size() ? Optional.of(all.get(rank - 1)) : Optional.empty();
    }
    for (RepeatedWork w : all) {
      if (w.id().equals(key) || w.fingerprint().equals(key)) {
        return Optional.of(w);
      }
    }
    List<RepeatedWork> prefixed =
        key.length() >= 4 ? all.stream().filter(w -> w.id().startsWith(key)).toList() : List.of();
    return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
  }

  /**
   * Finds a suggestion in the current analysis.
   *
   * @param id a rank, id or fingerprint
   * @return the suggestion
   * @throws OrcaException when none matches (the message lists the current ids)
   */
  public RepeatedWork require(String id) {
    AnalysisReport report = miner.analyze(SEARCHED);
    return find(report, id).orElseThrow(() -> unknown(id, report));
  }

  /**
   * The message for an id that matches no suggestion.
   *
   * @param id what the user typed
   * @param report the current analysis
   * @return the exception to throw
   */
  public static OrcaException unknown(String id, AnalysisReport report) {
    if (report.patterns().isEmpty()) {
      return OrcaException.invalid(
          "No suggestion '" + id + "': the history has no repeated work yet (orca analyze).");
    }
    String ids =
        report.patterns().stream()
            .limit(10)
            .map(RepeatedWork::id)
            .collect(Collectors.joining(", "));
    return OrcaException.invalid(
        "No suggestion '"
            + id
            + "' in the current analysis: give its rank (1 to "
            + report.patterns().size()
            + ") or its id as orca analyze shows it ("
            + ids
            + (report.patterns().size() > 10 ? ", ..." : "")
            + ").");
  }

  /**
   * The generation request for a suggestion: the past cells as examples, the proposed name (or the
   * given one) and the signature hint.
   *
   * @param work the suggestion
   * @param name another name for the function, or {@code null} for the proposed one
   * @return the request
   * @throws OrcaException when the name is not a valid function name
   */
  public FunctionRequest request(RepeatedWork work, String name) {
    FunctionRequest req = miner.suggestionToRequest(work);
    return name == null || name.isBlank() ? req : req.withName(SkillName.of(name).method());
  }

  /**
   * Refuses a name a deployed learned function already has: generating would replace it.
   *
   * @param name the function's name
   * @throws OrcaException when the name is not a valid function name or is taken
   */
  public void requireNameFree(String name) {
    SkillName n = SkillName.of(name);
    Optional<VersionRecord> deployed =
        skills.store().state(SkillKind.FUNCTION, n.method()).flatMap(SkillState::deployed);
    if (deployed.isPresent()) {
      throw OrcaException.invalid(
          "A learned function "
              + n
              + " is deployed already (v"
              + deployed.get().version()
              + ": "
              + deployed.get().signature()
              + "); a function made from this suggestion would replace it. Give it another"
              + " name (orca analyze --generate ID --name NAME).");
    }
  }

  /**
   * Generates the function: checks the name, then the refinement loop, the gate and deployment as
   * {@code [skills] approval} says. Nothing is deployed when generation fails or the gate refuses.
   *
   * @param req the request (from {@link #request})
   * @return what was made and where it stands
   * @throws OrcaException when the name is taken, no model is configured or a generator fails
   */
  public FunctionResult generate(FunctionRequest req) {
    requireNameFree(req.name());
    return skills.generateFunction(req.toGenerateRequest());
  }

  /**
   * The host side of a kernel built-in {@code generateFromSuggestion(id)}: {@code {id, name?}} →
   * the {@code generateFunction} result plus {@code suggestion: {id, count, examples}}. Register it
   * as {@code router.register("generateFromSuggestion", handoff::generateFromSuggestion)}.
   *
   * @param args {@code {id}} (a rank, id or fingerprint) and optionally {@code {name}}
   * @return the result as JSON
   */
  public JsonNode generateFromSuggestion(JsonNode args) {
    String id = args == null ? "" : args.path("id").asText("");
    if (id.isBlank()) {
      throw OrcaException.invalid(
          "generateFromSuggestion needs the id of a suggestion (analyzeHistory() lists them).");
    }
    RepeatedWork work = require(id);
    JsonNode n = args.get("name");
    FunctionRequest req = request(work, n == null || n.isNull() ? null : n.asText());
    ObjectNode out = SkillJson.of(generate(req));
    ObjectNode s = out.putObject("suggestion");
    s.put("id", work.id());
    s.put("count", work.count());
    s.put("examples", req.examples().size());
    return out;
  }
}
