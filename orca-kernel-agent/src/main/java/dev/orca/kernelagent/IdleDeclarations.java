package dev.orca.kernelagent;

import dev.orca.kernelagent.engine.SnippetEngine;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Declares restored variables while the kernel is idle. A restore decodes every value at once but
 * leaves each variable's JShell declaration (one compiler run each) to the first cell that names
 * it; between requests, this declares them one per step on the kernel's request thread, so a cell
 * that arrives waits for one declaration at most and later cells find the variables ready.
 *
 * <p>Every method runs on the request thread (the single thread of {@code worker}).
 */
final class IdleDeclarations implements Runnable {
  private final SnippetEngine engine;
  private final ThreadPoolExecutor worker;
  private boolean scheduled;

  /**
   * Creates the steps.
   *
   * @param engine the kernel's engine
   * @param worker the kernel's single request thread
   */
  IdleDeclarations(SnippetEngine engine, ThreadPoolExecutor worker) {
    this.engine = engine;
    this.worker = worker;
  }

  /** Queues a step behind whatever is queued, if variables are waiting and none is queued. */
  void schedule() {
    if (!scheduled && engine.anyRestoredToDeclare()) {
      scheduled = true;
      worker.execute(this);
    }
  }

  @Override
  public void run() {
    scheduled = false;
    if (!worker.getQueue().isEmpty()) {
      return; // a request is waiting: it goes first, and schedules the next step when it is done
    }
    if (engine.declareOneRestored()) {
      schedule();
    }
  }
}
