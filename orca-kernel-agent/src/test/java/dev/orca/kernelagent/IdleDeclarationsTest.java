package dev.orca.kernelagent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.engine.SnippetEngine;
import dev.orca.kernelagent.policy.ClassGuard;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdleDeclarationsTest {
  private final SnippetEngine engine =
      new SnippetEngine(
          ClassGuard.PERMIT_ALL, new OutputCapture(10_000), new OutputCapture(10_000), 10_000);
  private final ThreadPoolExecutor worker =
      new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
  private final IdleDeclarations idle = new IdleDeclarations(engine, worker);

  @AfterEach
  void close() {
    worker.shutdownNow();
    engine.close();
  }

  private void restoreThree() {
    ObjectNode request = Channel.object();
    request.putArray("definitions");
    ArrayNode vars = request.putArray("variables");
    for (String name : new String[] {"a", "b", "c"}) {
      vars.addObject().put("name", name).put("type", "int").put("json", "1");
    }
    engine.restore(request);
  }

  @Test
  void anIdleKernelDeclaresEveryRestoredVariable() throws Exception {
    Future<?> done =
        worker.submit(
            () -> {
              restoreThree();
              idle.schedule();
            });
    done.get(30, TimeUnit.SECONDS);
    awaitAllDeclared();
  }

  @Test
  void aWaitingRequestGoesFirstAndTheStepsResumeAfterIt() throws Exception {
    worker.submit(this::restoreThree).get(30, TimeUnit.SECONDS);
    long before = worker.submit(engine::evaluations).get();
    CountDownLatch release = new CountDownLatch(1);
    worker.execute(
        () -> {
          try {
            release.await(); // a cell running
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    idle.schedule(); // queued behind the cell
    AtomicLong seenByRequest = new AtomicLong(-1);
    Future<?> request =
        worker.submit(
            () -> {
              seenByRequest.set(engine.evaluations());
              idle.schedule(); // as KernelMain does after every request
            });
    release.countDown();
    request.get(30, TimeUnit.SECONDS);

    assertThat(seenByRequest.get())
        .as("no declaration ran ahead of the waiting request")
        .isEqualTo(before);
    awaitAllDeclared();
    assertThat(worker.submit(engine::evaluations).get()).isEqualTo(before + 3);
  }

  /** Polls with requests that behave as the kernel's do: each schedules the next step after it. */
  private void awaitAllDeclared() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (pollingRequest() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(pollingRequest()).isFalse();
  }

  private boolean pollingRequest() throws Exception {
    return worker
        .submit(
            () -> {
              boolean left = engine.anyRestoredToDeclare();
              idle.schedule();
              return left;
            })
        .get();
  }
}
