package dev.orca.cli.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.cli.testing.FakeKernel;
import dev.orca.core.OrcaException;
import dev.orca.core.history.ExecutionRecord;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.Outcome;
import dev.orca.core.history.SecretRedactor;
import dev.orca.core.history.Stored;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.Output;
import dev.orca.kernel.RestoreReport;
import dev.orca.kernel.VariableInfo;
import dev.orca.skills.session.SavedVariable;
import dev.orca.skills.session.SessionCheckpointer;
import dev.orca.skills.session.SessionLoader;
import dev.orca.skills.session.SessionManifest;
import dev.orca.skills.session.SessionService;
import dev.orca.skills.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-cell session bookkeeping of {@link SessionKernel}, around a scripted kernel. */
class SessionKernelTest {

  @TempDir Path dir;

  private final FakeKernel fake = new FakeKernel();
  private final HistoryStore history = HistoryStore.inMemory(new SecretRedactor(Map.of()));
  private final List<String> warnings = new ArrayList<>();
  private final AtomicInteger cancels = new AtomicInteger();

  @AfterEach
  void closeHistory() {
    history.close();
  }

  private SessionStore store() {
    return new SessionStore(dir.resolve("sessions"));
  }

  private SessionKernel kernel(SessionStore store, SessionLoader loader) {
    return SessionKernel.builder(fake, "s1")
        .checkpointer(new SessionCheckpointer(store, "s1", List::of))
        .loader(loader)
        .history(new CellHistory(history, "s1", code -> "n1:fp-" + code.length(), warnings::add))
        .cancelBridgeCalls(cancels::incrementAndGet)
        .warnings(warnings::add)
        .build();
  }

  private static ExecutionResult failure() {
    return new ExecutionResult.UserException(
        0, "java.lang.IllegalStateException", "boom", 1, List.of(), Output.EMPTY, Duration.ZERO);
  }

  private static List<String> names(SessionManifest m) {
    return m.variables().stream().map(SavedVariable::name).toList();
  }

  @Test
  void execute_checkpointsAfterASuccessAndNotAfterAFailure() {
    SessionStore store = store();
    SessionKernel k = kernel(store, null);
    List<Boolean> runningDuringCell = new ArrayList<>();
    fake.behaviour =
        code -> {
          runningDuringCell.add(store.running("s1").map(r -> r.code().equals(code)).orElse(false));
          if (code.startsWith("int x")) {
            fake.variables.put("x", new VariableInfo("x", "int", "1"));
            return FakeKernel.success(null, null);
          }
          fake.variables.put("y", new VariableInfo("y", "int", "2"));
          return failure();
        };

    assertThat(k.execute("int x = 1;").ok()).isTrue();
    assertThat(names(store.manifest("s1").orElseThrow())).containsExactly("x");
    assertThat(store.running("s1")).isEmpty();

    assertThat(k.execute("int y = 2; throw new IllegalStateException(\"boom\");").ok()).isFalse();
    // the failed cell's effects are not checkpointed, and its running marker is gone
    assertThat(names(store.manifest("s1").orElseThrow())).containsExactly("x");
    assertThat(store.running("s1")).isEmpty();
    assertThat(runningDuringCell).containsExactly(true, true);
    assertThat(warnings).isEmpty();
  }

  @Test
  void execute_recordsEachCellInHistoryWithOutcomeDurationAndFingerprint() {
    SessionKernel k = kernel(store(), null);
    fake.behaviour =
        code ->
            code.contains("throw")
                ? failure()
                : new ExecutionResult.Success(
                    "2", "int", false, Output.EMPTY, Duration.ofMillis(42));

    k.execute("1 + 1");
    k.execute("throw new IllegalStateException();");
    k.flushHistory();

    List<Stored<ExecutionRecord>> rows = history.executions("s1");
    assertThat(rows).hasSize(2);
    ExecutionRecord ok = rows.get(0).value();
    assertThat(ok.code()).isEqualTo("1 + 1");
    assertThat(ok.outcome()).isEqualTo(Outcome.OK);
    assertThat(ok.durationMs()).isEqualTo(42);
    assertThat(ok.fingerprint()).isEqualTo("n1:fp-5");
    ExecutionRecord failed = rows.get(1).value();
    assertThat(failed.outcome()).isEqualTo(Outcome.ERROR);
    // the analysis mines successful cells only: no fingerprint for a failure
    assertThat(failed.fingerprint()).isNull();
  }

  @Test
  void execute_appliesAPendingLoadAfterTheCellAndCheckpointsTheLoadedState() {
    SessionStore store = store();
    SessionService service = SessionService.of(store);
    service.save(
        "other",
        new KernelSnapshot(
            List.of(),
            List.of(new KernelSnapshot.VariableValue("saved", "String", "\"old work\"", null)),
            Instant.now()));
    SessionLoader loader = new SessionLoader(service);
    SessionKernel k = kernel(store, loader);
    fake.behaviour =
        code -> {
          loader.request("other"); // what the loadSessionState bridge handler does
          // a load requested by a cell waits for the cell to end
          assertThat(fake.restored).isEmpty();
          // what the kernel will hold once the session is restored into it
          fake.variables.put("saved", new VariableInfo("saved", "String", "old work"));
          // the cell fails after asking: the load still happens
          return failure();
        };

    ExecutionResult r = k.execute("loadSessionState(\"other\"); throw new RuntimeException();");

    assertThat(fake.restored).hasSize(1);
    assertThat(fake.restored.get(0).variables())
        .extracting(KernelSnapshot.VariableValue::name)
        .containsExactly("saved");
    assertThat(r).isInstanceOf(ExecutionResult.UserException.class);
    assertThat(r.output().stdout())
        .contains("Loaded session 'other'")
        .contains("saved")
        .contains("restored from data");
    assertThat(loader.pending()).isEmpty();
    // a failed cell is not checkpointed, but the state it loaded is
    assertThat(names(store.manifest("s1").orElseThrow())).containsExactly("saved");
    assertThat(store.running("s1")).isEmpty();
  }

  @Test
  void execute_cancelsTheBridgeCallsOfAStoppedCellOrADeadKernelOnly() {
    SessionKernel k = kernel(store(), null);
    fake.behaviour = code -> FakeKernel.success("1", "int");
    k.execute("1");
    fake.behaviour = code -> failure();
    k.execute("throw new IllegalStateException();");
    assertThat(cancels).hasValue(0);

    fake.behaviour =
        code -> new ExecutionResult.Stopped(0, "timed out after 1 s", Output.EMPTY, Duration.ZERO);
    assertThat(k.execute("while (true) {}")).isInstanceOf(ExecutionResult.Stopped.class);
    assertThat(cancels).hasValue(1);

    fake.behaviour =
        code ->
            new ExecutionResult.Died(
                "killed or crashed", RestoreReport.NOTHING, Output.EMPTY, Duration.ZERO);
    assertThat(k.execute("crash()")).isInstanceOf(ExecutionResult.Died.class);
    assertThat(cancels).hasValue(2);
    k.flushHistory();
    assertThat(history.executions("s1"))
        .extracting(e -> e.value().outcome())
        .containsExactly(Outcome.OK, Outcome.ERROR, Outcome.STOPPED, Outcome.DIED);
  }

  @Test
  void execute_aFailingCheckpointNeverFailsTheCellAndIsReportedOnce() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("sessions-file"), "x");
    SessionKernel k = kernel(new SessionStore(notADirectory), null);
    fake.behaviour = code -> FakeKernel.success("1", "int");

    assertThat(k.execute("1").ok()).isTrue();
    assertThat(k.execute("2").ok()).isTrue();

    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .contains("session 's1' could not be checkpointed")
        .contains("the cell itself ran normally");
  }

  @Test
  void execute_aCellRefusedByTheKernelClearsItsRunningMarker() {
    SessionStore store = store();
    SessionKernel k = kernel(store, null);
    fake.behaviour =
        code -> {
          throw OrcaException.invalid("The cell is empty");
        };

    assertThatThrownBy(() -> k.execute(" ")).hasMessageContaining("empty");
    assertThat(store.running("s1")).isEmpty();
  }

  @Test
  void restore_checkpointsTheRestoredState() {
    SessionStore store = store();
    SessionKernel k = kernel(store, null);
    fake.variables.put("v", new VariableInfo("v", "int", "7"));

    k.restore(fake.snapshot());

    assertThat(fake.restored).hasSize(1);
    assertThat(names(store.manifest("s1").orElseThrow())).containsExactly("v");
  }

  @Test
  void withoutACheckpointer_cellsRunAndNothingIsWritten() {
    SessionStore store = store();
    SessionKernel k = SessionKernel.builder(fake, "s1").warnings(warnings::add).build();
    fake.behaviour = code -> FakeKernel.success("1", "int");

    assertThat(k.execute("1").ok()).isTrue();
    assertThat(store.manifest("s1")).isEmpty();
    assertThat(Optional.of(k.sessionName())).contains("s1");
  }

  @Test
  void innermost_unwrapsTheDecorators() {
    SessionKernel k = kernel(store(), null);
    assertThat(SessionKernel.innermost(k)).isSameAs(fake);
    assertThat(SessionKernel.innermost(fake)).isSameAs(fake);
  }

  @Test
  void close_closesTheKernelAndWritesQueuedHistory() {
    SessionKernel k = kernel(store(), null);
    fake.behaviour = code -> FakeKernel.success("1", "int");
    k.execute("1");
    k.close();
    assertThat(fake.closed).isTrue();
    assertThat(history.executions("s1")).hasSize(1);
  }
}
