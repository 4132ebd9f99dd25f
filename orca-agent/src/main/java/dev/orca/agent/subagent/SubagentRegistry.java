package dev.orca.agent.subagent;

import dev.orca.core.OrcaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The SUBAGENT_REGISTRY: every sub-agent Orca can call, by name. Holds the {@linkplain
 * BuiltinSubagents built-ins} and the learned agents of {@code learned_skills/agents/}; the agent
 * generator adds new ones at run time with {@link #register}. Thread-safe.
 *
 * <p>Listeners added with {@link #onRegister} see every agent registered from then on (the tool
 * search index uses this to make new agents findable at once).
 */
public final class SubagentRegistry {

  private final Map<String, SubagentSpec> agents = new ConcurrentSkipListMap<>();
  private final List<Consumer<SubagentSpec>> listeners = new CopyOnWriteArrayList<>();

  /** An empty registry. */
  public SubagentRegistry() {}

  /** A registry holding the built-in agents. */
  public static SubagentRegistry withBuiltIns() {
    SubagentRegistry registry = new SubagentRegistry();
    BuiltinSubagents.all().forEach(registry::register);
    return registry;
  }

  /**
   * Adds or replaces an agent. A learned agent may not replace a built-in one.
   *
   * @param spec the agent
   * @return the agent it replaced, if any
   * @throws OrcaException when a learned agent would shadow a built-in
   */
  public Optional<SubagentSpec> register(SubagentSpec spec) {
    Objects.requireNonNull(spec, "spec");
    SubagentSpec existing = agents.get(spec.name());
    if (existing != null
        && SubagentSpec.BUILT_IN.equals(existing.source())
        && !SubagentSpec.BUILT_IN.equals(spec.source())) {
      throw OrcaException.invalid(
          "A learned agent may not replace the built-in agent \""
              + spec.name()
              + "\" ("
              + spec.source()
              + "): choose another name.");
    }
    agents.put(spec.name(), spec);
    listeners.forEach(listener -> listener.accept(spec));
    return Optional.ofNullable(existing);
  }

  /**
   * Calls {@code listener} for every agent registered from now on.
   *
   * @param listener called on the registering thread
   */
  public void onRegister(Consumer<SubagentSpec> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** The agent of that name, if registered. */
  public Optional<SubagentSpec> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(agents.get(name));
  }

  /**
   * The agent of that name.
   *
   * @throws OrcaException naming the known agents when there is none of that name
   */
  public SubagentSpec get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                OrcaException.invalid(
                    "No sub-agent named \""
                        + name
                        + "\". Known sub-agents: "
                        + String.join(", ", agents.keySet())
                        + ". Use searchTools(\"...\") to find one, or generateSubagent(...) to"
                        + " create one."));
  }

  /** Every registered agent, by name. */
  public List<SubagentSpec> all() {
    return List.copyOf(agents.values());
  }

  /** The names of the registered agents, sorted. */
  public List<String> names() {
    return List.copyOf(agents.keySet());
  }

  /** The number of registered agents. */
  public int size() {
    return agents.size();
  }

  /**
   * Loads every learned agent of a directory ({@code learned_skills/agents/}): one subdirectory per
   * agent holding {@code agent.toml} and {@code prompts.md} ({@link AgentToml}). An invalid agent
   * is skipped and reported; the others load.
   *
   * @param agentsDir the directory; a missing directory loads nothing
   * @return what loaded and what did not, with the reason
   */
  public LoadReport loadLearned(Path agentsDir) {
    List<String> loaded = new ArrayList<>();
    Map<String, String> failed = new LinkedHashMap<>();
    if (!Files.isDirectory(agentsDir)) {
      return new LoadReport(loaded, failed);
    }
    List<Path> dirs;
    try (Stream<Path> entries = Files.list(agentsDir)) {
      dirs = entries.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new OrcaException(
          "Cannot list learned agents in " + agentsDir + ": " + e.getMessage(), false, e);
    }
    for (Path dir : dirs) {
      String name = dir.getFileName().toString();
      if (name.startsWith(".") || name.equals("versions")) {
        continue;
      }
      try {
        register(AgentToml.load(dir));
        loaded.add(name);
      } catch (OrcaException e) {
        failed.put(name, e.getMessage());
      }
    }
    return new LoadReport(loaded, failed);
  }

  /**
   * What {@link #loadLearned} did.
   *
   * @param loaded names of the agents that loaded
   * @param failed name of each agent that did not load, and why
   */
  public record LoadReport(List<String> loaded, Map<String, String> failed) {
    /** Copies. */
    public LoadReport {
      loaded = List.copyOf(loaded);
      failed = Map.copyOf(failed);
    }
  }
}
