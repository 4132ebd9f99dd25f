package dev.orca.skills.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orca.agent.subagent.AgentToml;
import dev.orca.agent.subagent.SubagentRegistry;
import dev.orca.agent.subagent.SubagentSpec;
import dev.orca.core.OrcaException;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Kernel;
import dev.orca.skills.DeployedFunction;
import dev.orca.skills.LoadEntry;
import dev.orca.skills.SkillListener;
import dev.orca.skills.SkillService;
import dev.orca.skills.gate.KernelSnippets;
import dev.orca.skills.gate.OrcaBridgeSource;
import dev.orca.skills.generate.FunctionRequest;
import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.SkillName;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.bridge.BridgeRouter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * Puts learned skills everywhere at once: at start it checks them ({@link
 * SkillService#checkFunctions} re-gates hand-edited files), registers functions and agents for
 * {@code search_tools}, registers learned agents as sub-agents, loads functions into kernels as
 * top-level methods, answers the self-evolution built-ins on the kernel bridge, and makes a skill
 * deployed mid-session callable from the next cell.
 *
 * <p>Typical wiring: {@code runtime.start(); runtime.registerBridge(router); kernel =
 * runtime.attach(kernel);}.
 */
public final class SkillRuntime implements SkillListener {

  private final SkillService service;
  private final ToolRegistry tools;
  private final SubagentRegistry agents;
  private final Map<String, DeployedFunction> deployed = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<DeployedFunction> pending = new ConcurrentLinkedQueue<>();
  private final Set<Kernel> bridged =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  private final Map<String, Pattern> usePatterns = new ConcurrentHashMap<>();

  /**
   * Creates the runtime and subscribes it to deployments.
   *
   * @param service the skill service
   * @param tools the tool registry search indexes
   * @param agents the sub-agent registry, or {@code null} when sub-agents are not in use
   */
  public SkillRuntime(SkillService service, ToolRegistry tools, SubagentRegistry agents) {
    this.service = service;
    this.tools = tools;
    this.agents = agents;
    service.addListener(this);
  }

  /**
   * Checks every learned skill (re-gating edited ones) and registers those that pass.
   *
   * @return per skill, whether it loads and why not
   */
  public List<LoadEntry> start() {
    List<LoadEntry> report = new ArrayList<>(service.checkFunctions());
    for (DeployedFunction f : service.deployedFunctions()) {
      register(f);
    }
    for (LoadEntry e : service.checkAgents()) {
      if (e.loaded()) {
        try {
          registerAgent(e.name(), service.store().agentDir(e.name()));
          report.add(e);
        } catch (OrcaException | IllegalArgumentException ex) {
          report.add(
              new LoadEntry(e.name(), SkillKind.AGENT, 0, false, e.regated(), ex.getMessage()));
        }
      } else {
        report.add(e);
      }
    }
    return report;
  }

  /**
   * Registers the self-evolution built-ins on the kernel bridge: {@code generateFunction}, {@code
   * generateSubagent}, {@code generateTests} and {@code reviewGeneratedCode}.
   *
   * @param router the bridge router
   */
  public void registerBridge(BridgeRouter router) {
    router.register(
        "generateFunction",
        args -> SkillJson.of(service.generateFunction(FunctionRequest.fromJson(args))));
    router.register(
        "generateTests", args -> SkillJson.of(service.generateTests(text(args, "path"))));
    router.register(
        "reviewGeneratedCode", args -> SkillJson.review(service.review(text(args, "path"))));
    router.register(
        "generateSubagent",
        args -> {
          List<String> list = new ArrayList<>();
          args.path("tools").forEach(t -> list.add(t.asText()));
          return SkillJson.of(
              service.generateSubagent(text(args, "name"), text(args, "purpose"), list));
        });
  }

  /**
   * Loads every deployed function into a kernel and returns a kernel that loads later deployments
   * before each cell.
   *
   * @param kernel a started kernel
   * @return the wrapping kernel to use from now on
   */
  public SkillAwareKernel attach(Kernel kernel) {
    Kernel k = kernel instanceof SkillAwareKernel s ? s.delegate() : kernel;
    pending.clear();
    loadAll(k);
    return new SkillAwareKernel(k, this);
  }

  /**
   * Loads every deployed function into a kernel.
   *
   * @param kernel the kernel
   * @return per function, whether it loaded
   */
  public List<LoadEntry> loadAll(Kernel kernel) {
    List<LoadEntry> out = new ArrayList<>();
    for (DeployedFunction f : deployed.values()) {
      out.add(load(kernel, f));
    }
    return out;
  }

  /**
   * Loads one function into a kernel: its imports, its class and a top-level method of its name.
   *
   * @param kernel the kernel
   * @param f the function
   * @return whether it loaded, and the kernel's reason when not
   */
  public LoadEntry load(Kernel kernel, DeployedFunction f) {
    if (bridged.add(kernel)) {
      ExecutionResult r = kernel.execute(OrcaBridgeSource.KERNEL_SNIPPET);
      if (!r.ok()) {
        bridged.remove(kernel);
      }
    }
    String code = String.join("\n", KernelSnippets.forFunction(f.source(), f.name()));
    ExecutionResult r = kernel.execute(code);
    if (r.ok()) {
      return new LoadEntry(f.name().method(), SkillKind.FUNCTION, f.version(), true, false, "");
    }
    return new LoadEntry(
        f.name().method(),
        SkillKind.FUNCTION,
        f.version(),
        false,
        false,
        "the kernel refused it: " + describe(r));
  }

  /** Loads functions deployed since the last cell (called by {@link SkillAwareKernel}). */
  void flushPending(Kernel kernel) {
    DeployedFunction f;
    while ((f = pending.poll()) != null) {
      load(kernel, f);
    }
  }

  /** Records a use of every learned function the cell called. */
  void recordUses(String code) {
    for (DeployedFunction f : deployed.values()) {
      Pattern p =
          usePatterns.computeIfAbsent(
              f.name().method(),
              n -> Pattern.compile("(?<![\\w.])" + Pattern.quote(n) + "\\s*\\("));
      if (p.matcher(code).find()) {
        // Saved: the tokens the model would spend writing the function again (about 4 chars each).
        service.recordUse(f.name(), f.source().length() / 4);
      }
    }
  }

  /** The functions deployed now, by name. */
  public Map<String, DeployedFunction> deployed() {
    return Map.copyOf(deployed);
  }

  @Override
  public void functionDeployed(DeployedFunction function) {
    register(function);
    pending.add(function);
  }

  @Override
  public void functionWithdrawn(SkillName name, String why) {
    deployed.remove(name.method());
    tools.remove(name.method());
  }

  @Override
  public void agentDeployed(String name, Path dir) {
    registerAgent(name, dir);
  }

  private void register(DeployedFunction f) {
    deployed.put(f.name().method(), f);
    tools.register(
        FunctionSpecs.of(f),
        args -> {
          throw OrcaException.invalid(
              f.name()
                  + " is a learned function: call it directly in kernel"
                  + " code as "
                  + f.signature()
                  + ", not through callTool.");
        });
  }

  private void registerAgent(String name, Path dir) {
    SubagentSpec spec = AgentToml.load(dir);
    if (agents != null) {
      agents.register(spec);
    }
    tools.register(
        new ToolSpec(
            name,
            name,
            spec.purpose()
                + " Learned sub-agent; call it with callSubagent(\""
                + name
                + "\", \"variableName\").",
            ToolSpec.emptyObjectSchema(),
            spec.outputFormat() instanceof dev.orca.agent.subagent.OutputFormat.Json
                ? "JSON"
                : "text",
            ToolKind.AGENT,
            null),
        args -> {
          throw OrcaException.invalid(
              name
                  + " is a sub-agent: call it with callSubagent(\""
                  + name
                  + "\", \"variableName\").");
        });
  }

  private static String text(JsonNode args, String field) {
    JsonNode n = args.path(field);
    if (!n.isTextual() || n.asText().isBlank()) {
      throw OrcaException.invalid("Missing argument \"" + field + "\" (a string).");
    }
    return n.asText();
  }

  private static String describe(ExecutionResult r) {
    if (r instanceof ExecutionResult.CompileError c) {
      return c.message();
    }
    if (r instanceof ExecutionResult.UserException u) {
      return u.exceptionType() + ": " + u.message();
    }
    if (r instanceof ExecutionResult.Stopped s) {
      return s.reason();
    }
    if (r instanceof ExecutionResult.Died d) {
      return d.cause();
    }
    return "unknown";
  }
}
