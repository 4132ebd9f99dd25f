package dev.orca.tools.internal;

import dev.orca.core.OrcaException;
import dev.orca.tools.RegisteredTool;
import dev.orca.tools.ToolInvoker;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.ToolRegistryListener;
import dev.orca.tools.ToolSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A {@link ToolRegistry} kept in memory. Changes and their notifications are serialized by one lock
 * so listeners see them in order; reads work on a copy-on-write snapshot and never block.
 */
public final class ConcurrentToolRegistry implements ToolRegistry {

  private final Object lock = new Object();
  private final List<ToolRegistryListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Map<String, RegisteredTool> tools = Map.of();

  @Override
  public void register(ToolSpec spec, ToolInvoker invoker) {
    registerAll(List.of(new RegisteredTool(spec, invoker)));
  }

  @Override
  public void registerAll(Collection<RegisteredTool> added) {
    if (added.isEmpty()) {
      return;
    }
    synchronized (lock) {
      Map<String, RegisteredTool> next = new LinkedHashMap<>(tools);
      List<ToolSpec> specs = new ArrayList<>(added.size());
      for (RegisteredTool tool : added) {
        next.put(tool.spec().id(), tool);
        specs.add(tool.spec());
      }
      tools = next;
      for (ToolRegistryListener listener : listeners) {
        listener.onChange(List.copyOf(specs), List.of());
      }
    }
  }

  @Override
  public boolean remove(String id) {
    synchronized (lock) {
      if (!tools.containsKey(id)) {
        return false;
      }
      Map<String, RegisteredTool> next = new LinkedHashMap<>(tools);
      next.remove(id);
      tools = next;
      notifyRemoved(List.of(id));
      return true;
    }
  }

  @Override
  public int removeServer(String server) {
    synchronized (lock) {
      List<String> ids =
          tools.values().stream()
              .map(RegisteredTool::spec)
              .filter(s -> server.equals(s.server()))
              .map(ToolSpec::id)
              .collect(Collectors.toList());
      if (ids.isEmpty()) {
        return 0;
      }
      Map<String, RegisteredTool> next = new LinkedHashMap<>(tools);
      ids.forEach(next::remove);
      tools = next;
      notifyRemoved(ids);
      return ids.size();
    }
  }

  private void notifyRemoved(List<String> ids) {
    for (ToolRegistryListener listener : listeners) {
      listener.onChange(List.of(), List.copyOf(ids));
    }
  }

  @Override
  public Optional<RegisteredTool> get(String id) {
    return Optional.ofNullable(tools.get(id));
  }

  @Override
  public RegisteredTool resolve(String nameOrId) {
    if (nameOrId == null || nameOrId.isBlank()) {
      throw OrcaException.invalid("Tool name must not be blank.");
    }
    Map<String, RegisteredTool> current = tools;
    RegisteredTool exact = current.get(nameOrId);
    if (exact != null) {
      return exact;
    }
    List<RegisteredTool> byName =
        current.values().stream()
            .filter(
                t ->
                    t.spec().name().equals(nameOrId)
                        || t.spec().shortName().equals(nameOrId)
                        || StubNames.methodName(t.spec()).equals(nameOrId))
            .collect(Collectors.toList());
    if (byName.size() == 1) {
      return byName.get(0);
    }
    if (byName.isEmpty()) {
      throw OrcaException.invalid(
          "Unknown tool '"
              + nameOrId
              + "'. Find tools with searchTools(\"what you want to do\") and call them by the id"
              + " it returns.");
    }
    throw OrcaException.invalid(
        "Tool name '"
            + nameOrId
            + "' is ambiguous; use one of these ids: "
            + byName.stream().limit(10).map(t -> t.spec().id()).collect(Collectors.joining(", ")));
  }

  @Override
  public List<ToolSpec> specs() {
    return tools.values().stream().map(RegisteredTool::spec).collect(Collectors.toList());
  }

  @Override
  public int size() {
    return tools.size();
  }

  @Override
  public AutoCloseable addListener(ToolRegistryListener listener) {
    synchronized (lock) {
      listeners.add(listener);
      List<ToolSpec> present = specs();
      if (!present.isEmpty()) {
        listener.onChange(present, List.of());
      }
    }
    return () -> listeners.remove(listener);
  }
}
