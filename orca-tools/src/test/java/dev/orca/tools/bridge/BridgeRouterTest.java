package dev.orca.tools.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orca.core.OrcaException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BridgeRouterTest {

  @Test
  void call_routesToTheRegisteredHandler() {
    try (BridgeRouter router = new BridgeRouter()) {
      router.register("double", args -> IntNode.valueOf(args.path("x").asInt() * 2));
      assertThat(router.call("double", JsonNodeFactory.instance.objectNode().put("x", 21)).asInt())
          .isEqualTo(42);
    }
  }

  @Test
  void call_waitsForAPendingRegistrationAndStartsItWhenNobodyHas() throws Exception {
    CompletableFuture<Void> registration = new CompletableFuture<>();
    AtomicInteger asked = new AtomicInteger();
    try (BridgeRouter router = new BridgeRouter()) {
      router.registeredWhen(
          () -> {
            if (asked.incrementAndGet() == 1) {
              // the first caller starts it, like OrcaRuntime's background host services
              new Thread(
                      () -> {
                        sleep(200);
                        router.register("late", args -> IntNode.valueOf(7));
                        registration.complete(null);
                      })
                  .start();
            }
            return registration;
          });
      assertThat(router.call("late", null).asInt()).isEqualTo(7);
      assertThat(router.methods()).containsExactly("late");
      assertThat(asked.get()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void call_afterAFailedRegistrationNamesItsReason() {
    CompletableFuture<Void> registration = new CompletableFuture<>();
    try (BridgeRouter router = new BridgeRouter()) {
      router.registeredWhen(() -> registration);
      router.register("early", args -> IntNode.valueOf(1)); // register never waits
      registration.completeExceptionally(new IllegalStateException("history.db is locked"));
      assertThat(router.call("early", null).asInt()).isEqualTo(1);
      assertThatThrownBy(() -> router.call("searchTools", null))
          .isInstanceOf(OrcaException.class)
          .hasMessageContaining("searchTools is unavailable")
          .hasMessageContaining("host services failed to start")
          .hasMessageContaining("history.db is locked");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void call_unknownMethodNamesTheAvailableOnes() {
    try (BridgeRouter router = new BridgeRouter()) {
      router.register("callTool", args -> args);
      assertThatThrownBy(() -> router.call("nope", null))
          .isInstanceOf(OrcaException.class)
          .hasMessageContaining("Unknown built-in 'nope'")
          .hasMessageContaining("callTool");
    }
  }

  @Test
  void call_handlerFailureBecomesOrcaExceptionWithTheCause() {
    try (BridgeRouter router = new BridgeRouter()) {
      router.register(
          "bad",
          args -> {
            throw new IllegalArgumentException("no such file");
          });
      assertThatThrownBy(() -> router.call("bad", null))
          .isInstanceOf(OrcaException.class)
          .hasMessageContaining("bad failed")
          .hasMessageContaining("no such file");
    }
  }

  @Test
  void call_slowHandlerTimesOutAndIsInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    try (BridgeRouter router =
        new BridgeRouter(new BridgeRouter.Settings(4, Duration.ofMillis(300)))) {
      router.register(
          "slow",
          args -> {
            try {
              Thread.sleep(30_000);
            } catch (InterruptedException e) {
              interrupted.countDown();
              throw e;
            }
            return args;
          });
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> router.call("slow", null))
          .isInstanceOf(OrcaException.class)
          .hasMessageContaining("did not finish within");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
      assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void cancelAll_interruptsRunningCalls() throws Exception {
    CountDownLatch started = new CountDownLatch(3);
    try (BridgeRouter router = new BridgeRouter()) {
      router.register(
          "block",
          args -> {
            started.countDown();
            Thread.sleep(60_000);
            return args;
          });
      ExecutorService callers = Executors.newFixedThreadPool(3);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        calls.add(callers.submit(() -> router.call("block", null)));
      }
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      router.cancelAll();
      for (Future<?> f : calls) {
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
            .hasCauseInstanceOf(OrcaException.class)
            .hasMessageContaining("cancelled");
      }
      callers.shutdownNow();
      assertThat(router.inFlight()).isZero();
    }
  }

  @Test
  void call_fanOutIsBoundedByMaxConcurrent() throws Exception {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    try (BridgeRouter router =
        new BridgeRouter(new BridgeRouter.Settings(8, Duration.ofSeconds(60)))) {
      router.register(
          "work",
          args -> {
            int n = now.incrementAndGet();
            peak.accumulateAndGet(n, Math::max);
            Thread.sleep(5);
            now.decrementAndGet();
            return args;
          });
      ExecutorService callers = Executors.newFixedThreadPool(50);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int x = i;
        calls.add(callers.submit(() -> router.call("work", IntNode.valueOf(x))));
      }
      for (int i = 0; i < calls.size(); i++) {
        assertThat(
                ((com.fasterxml.jackson.databind.JsonNode) calls.get(i).get(30, TimeUnit.SECONDS))
                    .asInt())
            .isEqualTo(i);
      }
      callers.shutdownNow();
    }
    assertThat(peak.get()).isBetween(2, 8);
  }
}
