package dev.orca.agent.subagent;

/** Hears about a fan-out's progress; called from worker threads, once per finished element. */
@FunctionalInterface
public interface MapProgress {

  /**
   * One element finished.
   *
   * @param item its outcome
   * @param done elements finished so far, this one included
   * @param total elements in the fan-out
   */
  void onItem(MapResult.Item item, int done, int total);

  /** Hears nothing. */
  MapProgress NONE = (item, done, total) -> {};
}
