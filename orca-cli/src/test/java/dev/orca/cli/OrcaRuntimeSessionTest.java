package dev.orca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orca.cli.mcp.OrcaTools;
import dev.orca.cli.mcp.ToolAnswer;
import dev.orca.cli.sessions.SessionKernel;
import dev.orca.cli.sessions.SessionRequest;
import dev.orca.cli.testing.FakeKernel;
import dev.orca.core.history.Outcome;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.VariableInfo;
import dev.orca.skills.session.SessionStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime wires the session kernel for commands that ask for a session, and resumes. */
class OrcaRuntimeSessionTest {

  @TempDir Path home;

  private OrcaRuntime runtime(FakeKernel kernel, SessionRequest session) {
    OrcaRuntime.Builder b =
        OrcaRuntime.builder()
            .home(home)
            .env(Map.of())
            .kernelFactory(options -> kernel)
            .shutdownHook(false);
    if (session != null) {
      b.session(session);
    }
    return b.build();
  }

  @Test
  void withoutASession_theKernelIsNotCheckpointed() {
    FakeKernel fake = new FakeKernel();
    try (OrcaRuntime runtime = runtime(fake, null)) {
      Kernel k = runtime.kernel();
      assertThat(k).isNotInstanceOf(SessionKernel.class);
      assertThat(runtime.session()).isEmpty();
      k.execute("1 + 1");
      assertThat(SessionStore.forHome(runtime.home()).list()).isEmpty();
    }
  }

  @Test
  void aSessionRun_checkpointsRecordsAndIsResumedByTheNextRun() {
    FakeKernel first = new FakeKernel();
    first.behaviour =
        code -> {
          first.variables.put("x", new VariableInfo("x", "int", "41"));
          return FakeKernel.success(null, null);
        };
    try (OrcaRuntime runtime = runtime(first, SessionRequest.of("repl", "work"))) {
      assertThat(runtime.session().orElseThrow().resume()).isFalse();
      SessionKernel k = (SessionKernel) runtime.kernel();
      assertThat(k.sessionName()).isEqualTo("work");
      assertThat(k.execute("int x = 41;").ok()).isTrue();
      k.flushHistory();
      assertThat(runtime.services().orElseThrow().history().executions("work"))
          .extracting(e -> e.value().outcome())
          .containsExactly(Outcome.OK);
      SessionStore store = SessionStore.forHome(runtime.home());
      assertThat(store.manifest("work").orElseThrow().variables()).hasSize(1);
      // the process "dies" in the middle of the next cell
      store.markRunning("work", "x = 99;\nThread.sleep(60_000);");
    }

    FakeKernel second = new FakeKernel();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try (OrcaRuntime runtime = runtime(second, SessionRequest.of("repl", "work"))) {
      assertThat(runtime.session().orElseThrow().resume()).isTrue();
      runtime.kernel();
    } finally {
      System.setErr(old);
    }
    assertThat(second.restored).hasSize(1);
    assertThat(second.restored.get(0).variables())
        .extracting(KernelSnapshot.VariableValue::name)
        .containsExactly("x");
    String report = err.toString(StandardCharsets.UTF_8);
    assertThat(report)
        .contains("Resumed session 'work'")
        .contains("restored 1 of 1 variable(s)")
        .contains("x  restored from data (json)")
        .contains("The cell that was running when the process stopped")
        .contains("x = 99;")
        .contains("Thread.sleep(60_000);");
    // said once: the marker is gone
    assertThat(SessionStore.forHome(new dev.orca.core.OrcaHome(home)).running("work")).isEmpty();
  }

  @Test
  void aLoadAskedForByKernelCode_isAppliedAfterTheCell() {
    FakeKernel fake = new FakeKernel();
    try (OrcaRuntime runtime = runtime(fake, SessionRequest.of("repl", "current"))) {
      fake.variables.put("kept", new VariableInfo("kept", "String", "saved work"));
      runtime.services().orElseThrow().sessions().save("earlier", fake.snapshot());
      fake.variables.clear();
      Kernel k = runtime.kernel();
      fake.behaviour =
          code -> {
            JsonNode answer =
                runtime
                    .bridge()
                    .call(
                        "loadSessionState",
                        JsonNodeFactory.instance.objectNode().put("name", "earlier"));
            assertThat(answer.path("pending").asBoolean()).isTrue();
            return FakeKernel.success(answer.toString(), "Map<String,Object>");
          };
      ExecutionResult r = k.execute("loadSessionState(\"earlier\")");
      assertThat(fake.restored).hasSize(1);
      assertThat(r.output().stdout()).contains("Loaded session 'earlier'").contains("kept");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void loadSessionState_asAToolLoadsAtOnceWithTheRuntimesSessions() {
    FakeKernel fake = new FakeKernel();
    try (OrcaRuntime runtime = runtime(fake, SessionRequest.of("mcp", "current"))) {
      fake.variables.put("kept", new VariableInfo("kept", "String", "saved work"));
      runtime.services().orElseThrow().sessions().save("earlier", fake.snapshot());
      OrcaTools tools = new OrcaTools(runtime);

      ToolAnswer a = tools.call("load_session_state", Map.of("name", "earlier"));

      assertThat(a.error()).as(a.text()).isFalse();
      assertThat(fake.restored).hasSize(1);
      List<Map<String, Object>> vars = (List<Map<String, Object>>) a.structured().get("variables");
      assertThat(vars.get(0)).containsEntry("name", "kept").containsEntry("restored", true);
      assertThat((String) a.structured().get("summary")).contains("Loaded session 'earlier'");
      // the run's own session was checkpointed with the loaded state
      assertThat(SessionStore.forHome(runtime.home()).manifest("current").orElseThrow().variables())
          .extracting(v -> v.name())
          .containsExactly("kept");

      ToolAnswer unknown = tools.call("load_session_state", Map.of("name", "nope"));
      assertThat(unknown.error()).isTrue();
      assertThat(unknown.text()).contains("nope").contains("earlier");
    }
  }
}
