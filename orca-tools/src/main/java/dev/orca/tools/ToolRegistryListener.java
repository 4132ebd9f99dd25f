package dev.orca.tools;

import java.util.List;

/** Told about every change to a {@link ToolRegistry}, so indexes can follow it live. */
@FunctionalInterface
public interface ToolRegistryListener {

  /**
   * Called after tools were added, replaced or removed. Runs on the changing thread; keep it short.
   *
   * @param added specs added or replaced (a replaced spec appears here with its new content)
   * @param removedIds ids removed
   */
  void onChange(List<ToolSpec> added, List<String> removedIds);
}
