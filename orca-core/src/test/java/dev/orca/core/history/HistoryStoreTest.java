package dev.orca.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.core.OrcaException;
import dev.orca.core.history.internal.SchemaMigrations;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path dir;

  private HistoryStore open() {
    return HistoryStore.open(dir.resolve("history.db"), new SecretRedactor(Map.of()));
  }

  @Test
  void open_createsLatestSchema() {
    try (HistoryStore store = open()) {
      assertThat(store.schemaVersion()).isEqualTo(SchemaMigrations.latestVersion());
    }
  }

  @Test
  void recordExecution_roundTripsEveryField() {
    try (HistoryStore store = open()) {
      long id =
          store.recordExecution(
              new ExecutionRecord(T0, "s1", "int x = 1;", "fp1", 12, Outcome.OK, 340));
      store.recordExecution(
          new ExecutionRecord(T0.plusSeconds(1), "s1", "x++", null, 3, Outcome.ERROR, 0));
      store.recordExecution(ExecutionRecord.of("s2", "other", 1, Outcome.COMPILE_ERROR, 5));

      List<Stored<ExecutionRecord>> s1 = store.executions("s1");
      assertThat(s1).hasSize(2);
      assertThat(s1.get(0).id()).isEqualTo(id);
      assertThat(s1.get(0).value())
          .isEqualTo(new ExecutionRecord(T0, "s1", "int x = 1;", "fp1", 12, Outcome.OK, 340));
      assertThat(s1.get(1).value().fingerprint()).isNull();
      assertThat(s1.get(1).value().outcome()).isEqualTo(Outcome.ERROR);
      assertThat(store.recentExecutions(2))
          .extracting(r -> r.value().code())
          .containsExactly("x++", "other");
      assertThat(store.executionsWithFingerprint("fp1")).hasSize(1);
    }
  }

  @Test
  void storeFingerprints_updatesRows() {
    try (HistoryStore store = open()) {
      long a = store.recordExecution(ExecutionRecord.of("s", "a", 1, Outcome.OK, 0));
      long b = store.recordExecution(ExecutionRecord.of("s", "b", 1, Outcome.OK, 0));
      assertThat(store.storeFingerprints(Map.of(a, "F", b, "F"))).isEqualTo(2);
      assertThat(store.executionsWithFingerprint("F")).extracting(Stored::id).containsExactly(a, b);
    }
  }

  @Test
  void modelTurns_roundTripAndTotal() {
    try (HistoryStore store = open()) {
      store.recordModelTurn(
          new ModelTurnRecord(T0, "s", 0, "anthropic", "claude", 900, 120, false, 800));
      store.recordModelTurn(ModelTurnRecord.of("s", 1, "anthropic", "claude", 1100, 80, true, 600));
      store.recordModelTurn(ModelTurnRecord.of("t", 0, "openai", "gpt", 10, 1, false, 6));

      assertThat(store.modelTurns("s").get(0).value())
          .isEqualTo(new ModelTurnRecord(T0, "s", 0, "anthropic", "claude", 900, 120, false, 800));
      assertThat(store.tokenTotals("s")).isEqualTo(new TokenTotals(2, 2000, 200, 1));
      assertThat(store.tokenTotals()).isEqualTo(new TokenTotals(3, 2010, 201, 1));
      assertThat(store.tokenTotals("nobody")).isEqualTo(TokenTotals.ZERO);
    }
  }

  @Test
  void toolAndSubagentCalls_roundTrip() {
    try (HistoryStore store = open()) {
      ToolCallRecord tool =
          new ToolCallRecord(T0, "s", "github.search_issues", 40, 5000, 120, Outcome.OK, null);
      ToolCallRecord failed =
          new ToolCallRecord(T0, "s", "fs.read", 10, 0, 2, Outcome.ERROR, "no such file");
      store.recordToolCall(tool);
      store.recordToolCall(failed);
      SubagentCallRecord sub =
          new SubagentCallRecord(T0, "s", "summarizer", 2000, 150, 900, Outcome.OK, null);
      store.recordSubagentCall(sub);

      assertThat(store.toolCalls("s")).extracting(Stored::value).containsExactly(tool, failed);
      assertThat(store.recentToolCalls(1)).extracting(Stored::value).containsExactly(failed);
      assertThat(store.subagentCalls("s")).extracting(Stored::value).containsExactly(sub);
      assertThat(store.recentSubagentCalls(5)).hasSize(1);
    }
  }

  @Test
  void skillEvents_roundTripAndSavings() {
    try (HistoryStore store = open()) {
      SkillEventRecord generated =
          new SkillEventRecord(
              T0, "s", "parseCsv", "1", SkillEventType.GENERATED, "{\"round\":1}", 3000, 0);
      store.recordSkillEvent(generated);
      store.recordSkillEvent(
          SkillEventRecord.of("s", "parseCsv", "1", SkillEventType.USED, null, 0, 800));
      store.recordSkillEvent(
          SkillEventRecord.of("s2", "parseCsv", "1", SkillEventType.USED, "{}", 0, 900));
      store.recordSkillEvent(
          SkillEventRecord.of(null, "other", "2", SkillEventType.DEPLOYED, "{}", 100, 0));

      assertThat(store.skillEvents("parseCsv").get(0).value()).isEqualTo(generated);
      assertThat(store.skillEvents("parseCsv").get(1).value().detailsJson()).isEqualTo("{}");
      assertThat(store.skillEvents(SkillEventType.USED, 10)).hasSize(2);
      assertThat(store.skillSavings())
          .containsExactly(
              new SkillSavings("parseCsv", 2, 3000, 1700), new SkillSavings("other", 0, 100, 0));
      assertThat(store.skillSavings().get(0).net()).isEqualTo(-1300);
    }
  }

  @Test
  void sessions_summarizesActivityMostRecentFirst() {
    try (HistoryStore store = open()) {
      store.recordExecution(new ExecutionRecord(T0, "old", "a", null, 1, Outcome.OK, 0));
      store.recordExecution(
          new ExecutionRecord(T0.plusSeconds(60), "new", "b", null, 1, Outcome.OK, 0));
      store.recordToolCall(
          new ToolCallRecord(T0.plusSeconds(61), "new", "t", 1, 1, 1, Outcome.OK, null));
      store.recordModelTurn(
          new ModelTurnRecord(T0.plusSeconds(62), "new", 0, "p", "m", 10, 2, false, 1));

      List<SessionActivity> sessions = store.sessions(10);
      assertThat(sessions).extracting(SessionActivity::sessionId).containsExactly("new", "old");
      SessionActivity latest = sessions.get(0);
      assertThat(latest.executions()).isEqualTo(1);
      assertThat(latest.toolCalls()).isEqualTo(1);
      assertThat(latest.firstAt()).isEqualTo(T0.plusSeconds(60));
      assertThat(latest.lastAt()).isEqualTo(T0.plusSeconds(62));
      assertThat(latest.tokens().total()).isEqualTo(12);
    }
  }

  @Test
  void writes_redactSecretsInEveryTextField() {
    String envKey = "my-very-private-value-123";
    SecretRedactor redactor = new SecretRedactor(Map.of("ANTHROPIC_API_KEY", envKey));
    String openAiKey = "sk-proj-abcdefghijklmnopqrstuvwx";
    try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"), redactor)) {
      store.recordExecution(
          ExecutionRecord.of(
              "s", "var k = \"" + openAiKey + "\"; var e = \"" + envKey + "\";", 1, Outcome.OK, 0));
      store.recordToolCall(
          ToolCallRecord.of("s", "http.get", 1, 1, 1, Outcome.ERROR, "401 for key " + envKey));
      store.recordSubagentCall(
          SubagentCallRecord.of("s", "summarizer", 1, 1, 1, Outcome.ERROR, "bad " + openAiKey));
      store.recordSkillEvent(
          SkillEventRecord.of(
              "s", "f", "1", SkillEventType.TESTED, "{\"env\":\"" + envKey + "\"}", 0, 0));

      String code = store.executions("s").get(0).value().code();
      assertThat(code).doesNotContain(openAiKey).doesNotContain(envKey).contains("[REDACTED]");
      assertThat(store.toolCalls("s").get(0).value().error()).isEqualTo("401 for key [REDACTED]");
      assertThat(store.subagentCalls("s").get(0).value().error()).isEqualTo("bad [REDACTED]");
      assertThat(store.skillEvents("f").get(0).value().detailsJson())
          .isEqualTo("{\"env\":\"[REDACTED]\"}");
    }
  }

  @Test
  void open_upgradesVersion1DatabaseKeepingRows() {
    Path file = dir.resolve("old.db");
    try (HistoryStore v1 = HistoryStore.openAtVersion(file, 1)) {
      assertThat(v1.schemaVersion()).isEqualTo(1);
      v1.executeRaw(
          "INSERT INTO tool_calls (at, session_id, tool_id, args_bytes, result_bytes,"
              + " duration_ms, outcome) VALUES (1000, 'old', 'fs.read', 1, 2, 3, 'ok')");
      v1.executeRaw(
          "INSERT INTO executions (at, session_id, code, duration_ms, outcome)"
              + " VALUES (1000, 'old', 'int a = 1;', 4, 'ok')");
      assertThatThrownBy(
              () ->
                  v1.recordSkillEvent(
                      SkillEventRecord.of("s", "f", "1", SkillEventType.USED, null, 0, 0)))
          .isInstanceOf(OrcaException.class);
    }
    try (HistoryStore store = HistoryStore.open(file, new SecretRedactor(Map.of()))) {
      assertThat(store.schemaVersion()).isEqualTo(SchemaMigrations.latestVersion());
      ToolCallRecord old = store.toolCalls("old").get(0).value();
      assertThat(old.toolId()).isEqualTo("fs.read");
      assertThat(old.error()).isNull();
      assertThat(store.executions("old").get(0).value().tokens()).isZero();
      store.recordSkillEvent(SkillEventRecord.of("s", "f", "1", SkillEventType.USED, null, 0, 7));
      assertThat(store.skillSavings()).containsExactly(new SkillSavings("f", 1, 0, 7));
    }
  }

  @Test
  void open_refusesDatabaseFromNewerOrca() {
    Path file = dir.resolve("future.db");
    try (HistoryStore store = HistoryStore.open(file, new SecretRedactor(Map.of()))) {
      store.executeRaw(
          "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'x', 0)");
    }
    assertThatThrownBy(() -> HistoryStore.open(file, new SecretRedactor(Map.of())))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("newer Orca");
  }

  @Test
  void record_isThreadSafeAndSharedAcrossConnections() throws Exception {
    Path file = dir.resolve("shared.db");
    try (HistoryStore a = HistoryStore.open(file, new SecretRedactor(Map.of()));
        HistoryStore b = HistoryStore.open(file, new SecretRedactor(Map.of()))) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        HistoryStore target = t % 2 == 0 ? a : b;
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    target.recordToolCall(
                        ToolCallRecord.of("s", "tool" + thread, i, i, 1, Outcome.OK, null));
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(a.toolCalls("s")).hasSize(200);
      assertThat(b.toolCalls("s")).extracting(Stored::id).doesNotHaveDuplicates();
    }
  }

  @Test
  void closedStore_failsClearly() {
    HistoryStore store = open();
    store.close();
    store.close();
    assertThatThrownBy(() -> store.recordExecution(ExecutionRecord.of("s", "x", 1, Outcome.OK, 0)))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void records_rejectBadValues() {
    assertThatThrownBy(() -> ExecutionRecord.of(" ", "x", 1, Outcome.OK, 0))
        .hasMessageContaining("sessionId");
    assertThatThrownBy(() -> ToolCallRecord.of("s", "t", -1, 0, 0, Outcome.OK, null))
        .hasMessageContaining("argsBytes");
    assertThatThrownBy(() -> new HistoryStoreTest().openLimitZero())
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("limit");
  }

  private void openLimitZero() {
    try (HistoryStore store = HistoryStore.inMemory(new SecretRedactor(Map.of()))) {
      store.recentExecutions(0);
    }
  }
}
