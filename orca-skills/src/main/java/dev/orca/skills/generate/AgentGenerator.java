package dev.orca.skills.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.agent.context.TokenCounter;
import dev.orca.agent.subagent.AgentToml;
import dev.orca.agent.subagent.SubagentSpec;
import dev.orca.agent.subagent.SubagentTools;
import dev.orca.core.OrcaException;
import dev.orca.core.history.SkillEventType;
import dev.orca.skills.AgentResult;
import dev.orca.skills.ReviewIssue;
import dev.orca.skills.SkillsConfig;
import dev.orca.skills.gate.FunctionGate;
import dev.orca.skills.gate.GateResult;
import dev.orca.skills.gate.JavaSources;
import dev.orca.skills.internal.SkillHistory;
import dev.orca.skills.store.SkillHeader;
import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.SkillState;
import dev.orca.skills.store.SkillStore;
import dev.orca.skills.store.VersionRecord;
import dev.orca.skills.store.VersionStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Generates, validates, versions and deploys learned sub-agents: {@code agent_generator} writes
 * {@code agent.toml}, {@code prompts.md}, {@code README.md} (and optionally {@code Tools.java});
 * validation checks that the definition parses, its tools exist, its system prompt fits its budget,
 * its README says what it is for and its {@code Tools.java} passes the gate. Problems go back to
 * the generator for another round.
 */
public final class AgentGenerator {

  /** Files of an agent, in the order they are written. */
  public static final List<String> FILES =
      List.of("agent.toml", "prompts.md", "README.md", "Tools.java");

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,63}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Generators generators;
  private final FunctionGate gate;
  private final SkillStore store;
  private final SkillsConfig config;
  private final Predicate<String> toolExists;
  private final SkillHistory history;

  /**
   * Creates a generator.
   *
   * @param generators the generator sub-agents (may be {@code null} for deploy and checks only)
   * @param gate the gate for {@code Tools.java}
   * @param store the skill files
   * @param config round limit
   * @param toolExists whether a tool name exists
   * @param history the per-skill record
   */
  public AgentGenerator(
      Generators generators,
      FunctionGate gate,
      SkillStore store,
      SkillsConfig config,
      Predicate<String> toolExists,
      SkillHistory history) {
    this.generators = generators;
    this.gate = gate;
    this.store = store;
    this.config = config;
    this.toolExists = toolExists;
    this.history = history;
  }

  /**
   * Runs the generation rounds and records the result as a new (pending) version.
   *
   * @param name the agent's name
   * @param purpose what it is for
   * @param tools the tools it may call
   * @return the result, not yet deployed
   */
  public AgentResult generate(String name, String purpose, List<String> tools) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw OrcaException.invalid(
          "A sub-agent name must be 2-64 lower-case letters, digits and '_', starting with a"
              + " letter (e.g. sentiment_analyzer); got \""
              + name
              + "\".");
    }
    if (purpose == null || purpose.isBlank()) {
      throw OrcaException.invalid("generateSubagent needs the purpose of " + name + ".");
    }
    List<String> toolList = tools == null ? List.of() : List.copyOf(tools);
    List<String> missing = toolList.stream().filter(t -> !knownTool(t)).toList();
    if (!missing.isEmpty()) {
      throw OrcaException.invalid(
          "Unknown tool(s) for "
              + name
              + ": "
              + missing
              + ". Find tools with searchTools(\"...\") and pass their names.");
    }
    SkillState state =
        store.state(SkillKind.AGENT, name).orElse(new SkillState(name, SkillKind.AGENT, List.of()));
    int version = state.nextVersion();
    String requestHash = SkillStore.sha256(name + "\n" + purpose + "\n" + toolList);
    Instant now = Instant.now();
    SkillHeader header =
        new SkillHeader(name, version, now, now, generators.label("agent_generator"), requestHash);
    List<String> feedback = new ArrayList<>();
    Map<String, String> files = Map.of();
    List<String> problems = List.of("no answer");
    long tokens = 0;
    int round = 0;
    while (round < config.maxRounds()) {
      round++;
      Generators.Reply r =
          generators.ask(
              "agent_generator", Prompts.agentRequest(name, purpose, toolList, feedback));
      tokens += r.tokens();
      files = parseFiles(r.text());
      problems = validate(name, files, store.roundDir(SkillKind.AGENT, name, version, round));
      Path rd = store.roundDir(SkillKind.AGENT, name, version, round);
      files.forEach((f, text) -> SkillStore.write(rd.resolve(f), text));
      SkillStore.write(rd.resolve("problems.txt"), String.join("\n", problems) + "\n");
      if (problems.isEmpty()) {
        break;
      }
      feedback = problems;
    }
    Path vdir = store.versionDir(SkillKind.AGENT, name, version);
    List<String> written = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      SkillStore.write(vdir.resolve(f.getKey()), withHeader(f.getKey(), f.getValue(), header));
      written.add(f.getKey());
    }
    VersionRecord rec =
        new VersionRecord(
            version,
            VersionStatus.PENDING,
            now.toString(),
            header.generator(),
            requestHash,
            purpose,
            "callSubagent(\"" + name + "\", variableName)",
            hashOf(vdir),
            "",
            round,
            problems.isEmpty(),
            List.of(
                "validation: " + (problems.isEmpty() ? "passed" : problems.size() + " problem(s)")),
            problems,
            0,
            0,
            0,
            0,
            "",
            tokens);
    store.save(state.with(rec));
    final int rounds = round;
    final boolean valid = problems.isEmpty();
    history.record(
        name,
        version,
        SkillEventType.GENERATED,
        d -> {
          d.put("kind", "agent");
          d.put("rounds", rounds);
          d.put("valid", valid);
        },
        tokens,
        0);
    return new AgentResult(name, version, valid, problems, vdir, written, false, round, tokens);
  }

  /**
   * Validates an agent's files (no model involved).
   *
   * @param name the agent's name
   * @param files file name to content
   * @param workDir a directory for gating {@code Tools.java}
   * @return the problems, empty when valid
   */
  public List<String> validate(String name, Map<String, String> files, Path workDir) {
    List<String> problems = new ArrayList<>();
    for (String required : List.of("agent.toml", "prompts.md", "README.md")) {
      if (!files.containsKey(required) || files.get(required).isBlank()) {
        problems.add("missing " + required);
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    SubagentSpec spec;
    try {
      spec = AgentToml.parse(files.get("agent.toml"), files.get("prompts.md"), name);
    } catch (OrcaException | IllegalArgumentException e) {
      problems.add("agent.toml is invalid: " + e.getMessage());
      return problems;
    }
    if (!spec.name().equals(name)) {
      problems.add("agent.toml: name must be \"" + name + "\", not \"" + spec.name() + "\"");
    }
    for (String t : spec.tools()) {
      if (!knownTool(t)) {
        problems.add("agent.toml: tool \"" + t + "\" does not exist");
      }
    }
    int promptTokens = TokenCounter.o200k().count(spec.systemPrompt());
    int room = spec.tokenBudget() - spec.maxOutputTokens();
    if (promptTokens > room / 2) {
      problems.add(
          "the system prompt ("
              + promptTokens
              + " tokens) leaves too little of the"
              + " token budget ("
              + spec.tokenBudget()
              + ", of which "
              + spec.maxOutputTokens()
              + " for the answer) for the data: shorten it to at most "
              + room / 2
              + " tokens or raise token_budget");
    }
    if (!readmeExplains(files.get("README.md"))) {
      problems.add(
          "README.md must say what the agent is for: a heading and at least one"
              + " sentence describing its purpose, input and output");
    }
    String tools = files.get("Tools.java");
    if (tools != null && !tools.isBlank()) {
      GateResult g = gate.evaluateClass("Tools", tools, workDir.resolve("tools-gate"));
      for (ReviewIssue i : g.functionIssues()) {
        if (i.severity().blocks()) {
          problems.add("Tools.java: " + i.render());
        }
      }
    }
    return problems;
  }

  /**
   * Deploys a version: copies its files to {@code learned_skills/agents/<name>/}.
   *
   * @param name the agent
   * @param version the version
   * @param who {@code gate} or {@code person}
   * @return the agent's directory
   */
  public Path deploy(String name, int version, String who) {
    SkillState state =
        store
            .state(SkillKind.AGENT, name)
            .orElseThrow(() -> OrcaException.invalid("No learned agent " + name + "."));
    state
        .version(version)
        .orElseThrow(() -> OrcaException.invalid(name + " has no version " + version + "."));
    Path vdir = store.versionDir(SkillKind.AGENT, name, version);
    Path dir = store.agentDir(name);
    for (String f : FILES) {
      Optional<String> text = SkillStore.read(vdir.resolve(f));
      if (text.isPresent()) {
        SkillStore.write(dir.resolve(f), text.get());
      } else {
        try {
          java.nio.file.Files.deleteIfExists(dir.resolve(f));
        } catch (IOException e) {
          throw OrcaException.transientFailure("Cannot remove " + dir.resolve(f), e);
        }
      }
    }
    store.save(state.deploy(version, who));
    history.record(name, version, SkillEventType.APPROVED, d -> d.put("by", who), 0, 0);
    history.record(name, version, SkillEventType.DEPLOYED, d -> d.put("kind", "agent"), 0, 0);
    return dir;
  }

  /**
   * The version {@code approve} deploys: the given one, or the newest waiting one.
   *
   * @param name the agent
   * @param version the requested version
   * @return the version
   */
  public int pendingVersion(String name, Optional<Integer> version) {
    SkillState state =
        store
            .state(SkillKind.AGENT, name)
            .orElseThrow(() -> OrcaException.invalid("No learned agent " + name + "."));
    return version.orElseGet(
        () ->
            state.versions().stream()
                .filter(r -> r.status() == VersionStatus.PENDING)
                .mapToInt(VersionRecord::version)
                .max()
                .orElseThrow(
                    () -> OrcaException.invalid(name + " has no version waiting for approval.")));
  }

  /** A combined hash of an agent directory's files, to notice hand edits. */
  public static String hashOf(Path dir) {
    StringBuilder b = new StringBuilder();
    for (String f : FILES) {
      SkillStore.read(dir.resolve(f)).ifPresent(t -> b.append(f).append('\n').append(t));
    }
    return SkillStore.sha256(b.toString());
  }

  private boolean knownTool(String t) {
    return SubagentTools.EXECUTE_CODE.equals(t) || toolExists.test(t);
  }

  private static boolean readmeExplains(String readme) {
    boolean heading = false;
    boolean sentence = false;
    for (String line : readme.split("\n")) {
      String l = line.strip();
      if (l.startsWith("# ")) {
        heading = true;
      } else if (!l.startsWith("#")
          && !l.startsWith("<!--")
          && !l.startsWith("```")
          && l.length() >= 30) {
        sentence = true;
      }
    }
    return heading && sentence;
  }

  /**
   * Reads the generator's {@code {"files":{...}}} answer.
   *
   * @param answer the answer text
   * @return file name to content (known files only)
   */
  static Map<String, String> parseFiles(String answer) {
    Map<String, String> files = new LinkedHashMap<>();
    int start = answer.indexOf('{');
    int end = answer.lastIndexOf('}');
    if (start < 0 || end <= start) {
      return files;
    }
    try {
      JsonNode root = JSON.readTree(answer.substring(start, end + 1));
      JsonNode f = root.has("files") ? root.get("files") : root;
      for (String name : FILES) {
        if (f.path(name).isTextual()) {
          String text = f.get(name).asText();
          files.put(name, name.endsWith(".java") ? JavaSources.extractCode(text) : text);
        }
      }
    } catch (IOException e) {
      return files;
    }
    return files;
  }

  private static String withHeader(String file, String text, SkillHeader h) {
    if (file.endsWith(".java")) {
      return h.applyTo(text);
    }
    String[] lines = h.render().split("\n");
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      String body = l.substring(2).strip();
      b.append(file.endsWith(".toml") ? "# " + body : "<!-- " + body + " -->").append('\n');
    }
    return b + text.stripLeading();
  }
}
