package dev.orca.kernelagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orca.kernelagent.policy.PolicyClassGuard;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WarmupTest {

  @Test
  void everyRoundRunsToTheEndUnderTheKernelPolicy() {
    AtomicInteger told = new AtomicInteger();
    Warmup warmup = new Warmup(new PolicyClassGuard(), 20_000, told::incrementAndGet);
    warmup.run();
    assertNull(warmup.failure(), () -> "training failed: " + warmup.failure());
    assertEquals(Warmup.ROUNDS, warmup.completedRounds());
    assertEquals(1, told.get(), "the host is told once that the training ended");
  }

  @Test
  void abortWaitsForTheCurrentStepAndEndsTheTraining() throws Exception {
    AtomicInteger told = new AtomicInteger();
    Warmup warmup = new Warmup(new PolicyClassGuard(), 20_000, told::incrementAndGet);
    CompletableFuture<Void> running = CompletableFuture.runAsync(warmup);
    Thread.sleep(300);
    warmup.abort();
    // Once abort returns, no further step starts: the run ends without another round.
    running.get(30, TimeUnit.SECONDS);
    assertTrue(
        warmup.completedRounds() < Warmup.ROUNDS,
        "an aborted training must not finish every round");
    assertNull(warmup.failure());
    assertEquals(0, told.get(), "an aborted training is not reported as done");
  }
}
