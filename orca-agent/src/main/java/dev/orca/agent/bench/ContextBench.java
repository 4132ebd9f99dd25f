package dev.orca.agent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.orca.agent.AgentConfig;
import dev.orca.agent.AgentListener;
import dev.orca.agent.JsonSchemas;
import dev.orca.agent.ModelClient;
import dev.orca.agent.Orchestrator;
import dev.orca.agent.RunResult;
import dev.orca.agent.TurnUsage;
import dev.orca.core.OrcaException;
import dev.orca.kernel.Kernel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code orca bench context}: the same transcript task solved by Orca (a scripted model writing
 * code into a real kernel, through the real orchestrator) and by a traditional agent (every catalog
 * tool upfront, every tool result through the context), with tokens and requests counted by the
 * same ruler for both.
 */
public final class ContextBench {

  /** The catalog id of the traditional agent's directory-listing tool. */
  public static final String LIST_TOOL = "Filesystem MCP Server [livemcpbench]::list_directory";

  /** The catalog id of the traditional agent's file-reading tool. */
  public static final String READ_TOOL = "Filesystem MCP Server [livemcpbench]::read_file";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What to run.
   *
   * @param catalog the tool catalog the baseline sends upfront (JSON Lines)
   * @param transcripts how many transcripts to generate
   * @param repeats how many times Orca's side runs (for the overhead medians)
   * @param readsPerTurn how many files the baseline reads per model turn
   */
  public record Options(Path catalog, int transcripts, int repeats, int readsPerTurn) {
    /** Validates. */
    public Options {
      Objects.requireNonNull(catalog, "catalog");
      if (transcripts < 1 || repeats < 1 || readsPerTurn < 1) {
        throw OrcaException.invalid("transcripts, repeats and reads per turn must be positive");
      }
    }
  }

  private ContextBench() {}

  /**
   * Runs the benchmark.
   *
   * @param kernel a started kernel whose working directory is {@code workspace}
   * @param workspace the kernel's workspace
   * @param options what to run
   * @return the figures
   */
  public static ContextBenchReport run(Kernel kernel, Path workspace, Options options) {
    if (!Files.isRegularFile(options.catalog())) {
      throw OrcaException.configuration(
          "The tool catalog "
              + options.catalog()
              + " does not exist. Pass one with --catalog FILE (JSON Lines of"
              + " {id, name, description, input_schema}).");
    }
    TranscriptCorpus.write(workspace, options.transcripts());
    // Warm-up, not measured: the kernel's first cell pays for javac's start (and a kernel that
    // died after starting is rebuilt here rather than during the measured runs).
    for (int i = 0; i < 3 && !kernel.execute("1 + 1").ok(); i++) {
      // retried: a rebuilt kernel answers the next cell
    }
    List<RunResult> orcaRuns = new ArrayList<>();
    for (int i = 0; i < options.repeats(); i++) {
      orcaRuns.add(runOrca(kernel));
    }
    ToolCatalog catalog = withFileTools(ToolCatalog.read(options.catalog()));
    RunResult full = runBaseline(catalog, workspace, options);
    RunResult taskOnly =
        runBaseline(catalog.only(Set.of(LIST_TOOL, READ_TOOL)), workspace, options);
    return new ContextBenchReport(
        orcaRuns,
        full,
        taskOnly,
        catalog.tools().size(),
        options.transcripts(),
        corpusBytes(workspace));
  }

  /**
   * Orca's side once: a fresh orchestrator on the kernel, driven by the scripted model.
   *
   * @param kernel the kernel
   * @return the run
   */
  public static RunResult runOrca(Kernel kernel) {
    ScriptedChatModel model = ScriptedChatModel.ofSteps(ContextWorkload.orcaScript());
    Orchestrator o =
        Orchestrator.builder()
            .model(ModelClient.blocking(model, "scripted", "orca-script"))
            .kernel(kernel)
            .config(AgentConfig.DEFAULTS)
            .build();
    List<String> failures = new ArrayList<>();
    AgentListener failuresOnly =
        new AgentListener() {
          @Override
          public void toolFinished(int step, String tool, boolean ok, String summary) {
            if (!ok) {
              failures.add("step " + step + " " + tool + ": " + summary);
            }
          }
        };
    RunResult r = o.ask(ContextWorkload.TASK, failuresOnly);
    if (!r.completed() || !failures.isEmpty()) {
      throw new OrcaException(
          "Orca's side of the benchmark failed: "
              + (failures.isEmpty() ? r.answer() : String.join("; ", failures))
              + " (tool results: "
              + toolResults(model)
              + ")",
          false,
          null);
    }
    return r;
  }

  private static String toolResults(ScriptedChatModel model) {
    List<String> out = new ArrayList<>();
    List<dev.langchain4j.model.chat.request.ChatRequest> reqs = model.requests();
    if (reqs.isEmpty()) {
      return "none";
    }
    for (dev.langchain4j.data.message.ChatMessage m : reqs.get(reqs.size() - 1).messages()) {
      if (m instanceof dev.langchain4j.data.message.ToolExecutionResultMessage t) {
        out.add(t.text().length() > 300 ? t.text().substring(0, 300) + "…" : t.text());
      }
    }
    return String.join(" | ", out);
  }

  private static RunResult runBaseline(ToolCatalog catalog, Path workspace, Options options) {
    String list = catalog.nameOf(LIST_TOOL);
    String read = catalog.nameOf(READ_TOOL);
    ScriptedChatModel model =
        ScriptedChatModel.ofSteps(
            ContextWorkload.baselineScript(
                list, read, options.transcripts(), options.readsPerTurn()));
    Map<String, Function<JsonNode, String>> handlers = new HashMap<>();
    handlers.put(list, args -> listDirectory(workspace, args.path("path").asText()));
    handlers.put(read, args -> readFile(workspace, args.path("path").asText()));
    BaselineAgent agent = new BaselineAgent(model, catalog.tools(), handlers, 1_000);
    return agent.run(ContextWorkload.TASK);
  }

  private static ToolCatalog withFileTools(ToolCatalog catalog) {
    if (catalog.nameOf(LIST_TOOL) != null && catalog.nameOf(READ_TOOL) != null) {
      return catalog;
    }
    List<ToolSpecification> tools = new ArrayList<>(catalog.tools());
    Map<String, String> ids = new HashMap<>(catalog.idsByName());
    JsonNode schema =
        JSON.createObjectNode()
            .put("type", "object")
            .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                "properties",
                JSON.createObjectNode().set("path", JSON.createObjectNode().put("type", "string")))
            .set("required", JSON.createArrayNode().add("path"));
    if (catalog.nameOf(LIST_TOOL) == null) {
      tools.add(JsonSchemas.tool("fs_list_directory", "List the files in a directory.", schema));
      ids.put("fs_list_directory", LIST_TOOL);
    }
    if (catalog.nameOf(READ_TOOL) == null) {
      tools.add(JsonSchemas.tool("fs_read_file", "Read the complete contents of a file.", schema));
      ids.put("fs_read_file", READ_TOOL);
    }
    return new ToolCatalog(tools, ids);
  }

  private static Path inside(Path workspace, String path) {
    Path p = workspace.resolve(path).normalize();
    if (!p.startsWith(workspace.normalize())) {
      throw OrcaException.invalid("path outside the workspace: " + path);
    }
    return p;
  }

  private static String listDirectory(Path workspace, String path) {
    try (Stream<Path> s = Files.list(inside(workspace, path))) {
      StringBuilder sb = new StringBuilder();
      s.sorted()
          .forEach(
              p ->
                  sb.append(Files.isDirectory(p) ? "[DIR] " : "[FILE] ")
                      .append(p.getFileName())
                      .append('\n'));
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readFile(Path workspace, String path) {
    try {
      return Files.readString(inside(workspace, path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long corpusBytes(Path workspace) {
    try (Stream<Path> s = Files.list(workspace.resolve("transcripts"))) {
      return s.mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * The median of durations, in milliseconds.
   *
   * @param values the durations
   * @param quantile 0.5 for the median
   * @return the value
   */
  static double quantileMillis(List<Duration> values, double quantile) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> nanos = values.stream().map(Duration::toNanos).sorted().toList();
    int i = (int) Math.min(nanos.size() - 1, Math.floor(quantile * (nanos.size() - 1) + 0.5));
    return nanos.get(i) / 1e6;
  }

  static List<Duration> all(List<RunResult> runs, Function<TurnUsage, Duration> f) {
    List<Duration> out = new ArrayList<>();
    for (RunResult r : runs) {
      for (TurnUsage t : r.turns()) {
        out.add(f.apply(t));
      }
    }
    return out;
  }
}
