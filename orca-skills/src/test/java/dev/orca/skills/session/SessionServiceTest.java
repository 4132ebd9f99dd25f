package dev.orca.skills.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.OrcaException;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.Output;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private SessionService service() {
    return new SessionService(
        new SessionStore(dir),
        () -> List.of(new SkillReference("agent", "triage", "3", "agents/triage")),
        SkillActivator.REPORT_ONLY);
  }

  @Test
  void loadInto_restoresAndReportsEveryVariable() {
    SessionService service = service();
    FakeKernel source = new FakeKernel();
    source.defs.add(new KernelSnapshot.Definition("method", "f", "int f() { return 1; }"));
    source.set("a", "int", "1");
    source.set("s", "String", "\"x\"");
    source.setUnrestorable("th", "Thread", "its value is not plain data (java.lang.Thread)");
    SaveReport saved = service.save("w", source);
    assertThat(saved.toJson().path("variables")).hasSize(3);
    assertThat(saved.agents()).containsExactly("triage@3");
    assertThat(saved.describe()).contains("1 not restorable");

    FakeKernel target = new FakeKernel();
    LoadReport report = service.loadInto("w", target);
    assertThat(target.vars.keySet()).containsExactly("a", "s");
    assertThat(target.defs).hasSize(1);
    assertThat(report.variables())
        .extracting(LoadReport.VariableOutcome::how)
        .containsExactly(
            "restored from data (json)",
            "restored from data (json)",
            "not restorable: its value is not plain data (java.lang.Thread)");
    assertThat(report.replayedDefinitions()).containsExactly("f");
    assertThat(report.skillNotes()).singleElement().asString().contains("triage");
    assertThat(report.describe()).contains("restored 2 of 3").contains("th (not restorable");
    assertThat(report.toJson().path("agents").get(0).asText()).isEqualTo("triage@3");
  }

  @Test
  void loadInto_reportsVariablesRecomputedByReplay() {
    SessionService service = service();
    FakeKernel source = new FakeKernel();
    source.set("a", "int", "1");
    source.setReplayable(
        "p",
        "Pattern",
        "its value is not plain data (java.util.regex.Pattern)",
        "Pattern p = Pattern.compile(\"a+\");");
    SaveReport saved = service.save("r", source);
    assertThat(saved.manifest().variable("p").how()).isEqualTo(VariableStorage.REPLAY);
    assertThat(saved.describe()).doesNotContain("not restorable");
    assertThat(saved.toJson().path("variables").get(1).path("how").asText())
        .isEqualTo("recomputed by replay: Pattern p = Pattern.compile(\"a+\");");

    LoadReport report = service.loadInto("r", new FakeKernel());
    assertThat(report.variables())
        .extracting(LoadReport.VariableOutcome::name, LoadReport.VariableOutcome::how)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "restored from data (json)"),
            org.assertj.core.groups.Tuple.tuple("p", "recomputed by replay"));
    assertThat(report.describe()).contains("restored 2 of 2");
  }

  @Test
  void bridge_saveThenPendingLoadAppliedAfterTheCell() {
    SessionService service = service();
    SessionLoader loader = new SessionLoader(service);
    SessionBridgeHandlers handlers = new SessionBridgeHandlers(service, loader);
    ObjectNode args = JSON.createObjectNode().put("name", "w");
    ObjectNode snap = args.putObject("snapshot");
    snap.putArray("definitions")
        .addObject()
        .put("kind", "import")
        .put("name", "java.util.*")
        .put("source", "import java.util.*;");
    snap.putArray("variables")
        .add(
            JSON.createObjectNode()
                .put("name", "m")
                .put("type", "Map<String,Integer>")
                .put("json", "{\"a\":1}"))
        .add(JSON.createObjectNode().put("name", "t").put("type", "Thread").put("reason", "no"));

    JsonNode saved = handlers.saveSessionState(args);
    assertThat(saved.path("path").asText()).endsWith("w");
    assertThat(saved.path("variables").get(0).path("how").asText()).isEqualTo("json");
    assertThat(saved.path("variables").get(1).path("how").asText()).startsWith("not restorable");

    JsonNode pending = handlers.loadSessionState(JSON.createObjectNode().put("name", "w"));
    assertThat(pending.path("pending").asBoolean()).isTrue();
    assertThat(pending.path("message").asText()).contains("when this cell ends");
    assertThat(loader.pending()).contains("w");

    JsonNode immediate =
        handlers.loadSessionState(JSON.createObjectNode().put("name", "w").put("immediate", true));
    assertThat(immediate.path("pending").asBoolean()).isFalse();
    assertThat(SnapshotJson.fromJson(immediate.path("snapshot")).variables()).hasSize(2);

    FakeKernel kernel = new FakeKernel();
    assertThat(kernel.restores).isZero();
    LoadReport report = loader.applyPending(kernel).orElseThrow();
    assertThat(kernel.vars.get("m").json()).isEqualTo("{\"a\":1}");
    assertThat(report.variables()).hasSize(2);
    assertThat(loader.applyPending(kernel)).isEmpty();
    assertThat(kernel.restores).isEqualTo(1);
  }

  @Test
  void bridge_rejectsBadRequestsClearly() {
    SessionService service = service();
    SessionBridgeHandlers handlers = new SessionBridgeHandlers(service, new SessionLoader(service));
    assertThatThrownBy(() -> handlers.loadSessionState(JSON.createObjectNode()))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("needs a session name");
    assertThatThrownBy(() -> handlers.loadSessionState(JSON.createObjectNode().put("name", "nope")))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("No session named 'nope'");
    assertThatThrownBy(() -> handlers.saveSessionState(JSON.createObjectNode().put("name", "x")))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("snapshot");
  }

  @Test
  void checkpointer_writesAfterSuccessOnlyWhatChangedAndClearsTheMarker() {
    SessionStore store = new SessionStore(dir);
    SessionCheckpointer cp = new SessionCheckpointer(store, "auto-1", List::of);
    FakeKernel kernel = new FakeKernel();
    ExecutionResult ok =
        new ExecutionResult.Success(null, null, false, Output.EMPTY, Duration.ZERO);

    cp.beforeCell("int a = 1;");
    assertThat(store.running("auto-1")).isPresent();
    kernel.set("a", "int", "1");
    kernel.set("b", "String", "\"b\"");
    SessionCheckpointer.Checkpoint first = cp.afterCell(kernel, ok);
    assertThat(first.written()).isTrue();
    assertThat(first.changedVariables()).containsExactly("a", "b");
    assertThat(store.running("auto-1")).isEmpty();

    cp.beforeCell("a = 2;");
    kernel.set("a", "int", "2");
    SessionCheckpointer.Checkpoint second = cp.afterCell(kernel, ok);
    assertThat(second.changedVariables()).containsExactly("a");
    assertThat(second.unchangedVariables()).isEqualTo(1);
    assertThat(store.load("auto-1").snapshot().variables().get(0).json()).isEqualTo("2");
  }

  @Test
  void checkpointer_failedCellOnlyClearsMarkerAndBrokenKernelNeverThrows() {
    SessionStore store = new SessionStore(dir);
    SessionCheckpointer cp = new SessionCheckpointer(store, "auto-2", List::of);
    FakeKernel kernel = new FakeKernel();
    cp.beforeCell("throw new RuntimeException();");
    SessionCheckpointer.Checkpoint failed =
        cp.afterCell(
            kernel,
            new ExecutionResult.UserException(
                0, "java.lang.RuntimeException", null, 1, List.of(), Output.EMPTY, Duration.ZERO));
    assertThat(failed.written()).isFalse();
    assertThat(kernel.snapshots).isZero();
    assertThat(store.running("auto-2")).isEmpty();

    cp.beforeCell("1");
    kernel.failSnapshot = true;
    SessionCheckpointer.Checkpoint broken =
        cp.afterCell(
            kernel, new ExecutionResult.Success("1", "int", false, Output.EMPTY, Duration.ZERO));
    assertThat(broken.written()).isFalse();
    assertThat(broken.error()).contains("kernel is gone");
    assertThat(store.running("auto-2")).as("the cell's effects are not saved").isPresent();
  }

  @Test
  void checkpointer_appliesRetentionWhenItStarts() throws Exception {
    SessionStore store = new SessionStore(dir);
    for (String n : List.of("old1", "old2", "old3")) {
      store.save(n, new FakeKernel().snapshot(), List.of());
      Thread.sleep(5);
    }
    SessionCheckpointer cp = new SessionCheckpointer(store, "current", List::of, 2);
    cp.beforeCell("1");
    assertThat(store.list()).extracting(SessionSummary::name).containsExactly("current", "old3");
  }
}
