package dev.orca.tools;

import dev.orca.tools.internal.ConcurrentToolRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Everything Orca can call: host tools, tools of MCP servers, learned functions and agents, and the
 * meta-tools. Thread-safe; listeners see every change so a search index stays current.
 */
public interface ToolRegistry {

  /** A new, empty, thread-safe registry. */
  static ToolRegistry create() {
    return new ConcurrentToolRegistry();
  }

  /**
   * Adds or replaces a tool that can be called.
   *
   * @param spec the tool's description
   * @param invoker runs it
   */
  void register(ToolSpec spec, ToolInvoker invoker);

  /**
   * Adds or replaces several tools at once (listeners are told once).
   *
   * @param tools the tools with their invokers
   */
  void registerAll(Collection<RegisteredTool> tools);

  /**
   * Adds a tool that can be found but not called from here (e.g. a catalog entry, or a meta-tool
   * the orchestrator answers itself). Calling it fails with a clear message.
   *
   * @param spec the tool's description
   */
  default void registerSpec(ToolSpec spec) {
    register(
        spec,
        args -> {
          throw dev.orca.core.OrcaException.invalid(
              "Tool "
                  + spec.id()
                  + " cannot be called through callTool"
                  + (spec.kind() == ToolKind.META
                      ? "; it is a meta-tool: call it as a built-in of the kernel."
                      : "; it is listed for discovery only."));
        });
  }

  /**
   * Removes a tool.
   *
   * @param id the tool's id
   * @return whether it was present
   */
  boolean remove(String id);

  /**
   * Removes every tool of a server.
   *
   * @param server the server's name
   * @return how many were removed
   */
  int removeServer(String server);

  /** The tool with this exact id. */
  Optional<RegisteredTool> get(String id);

  /**
   * Finds a tool by id, or by its short name when that is unambiguous.
   *
   * @param nameOrId an id ({@code server::name}) or a tool name
   * @return the tool
   * @throws dev.orca.core.OrcaException naming the candidates when unknown or ambiguous
   */
  RegisteredTool resolve(String nameOrId);

  /** A snapshot of all specs, in registration order. */
  List<ToolSpec> specs();

  /** The number of tools. */
  int size();

  /**
   * Subscribes to changes. The listener is first told about every tool already present.
   *
   * @param listener the listener
   * @return a handle that unsubscribes when closed
   */
  AutoCloseable addListener(ToolRegistryListener listener);
}
