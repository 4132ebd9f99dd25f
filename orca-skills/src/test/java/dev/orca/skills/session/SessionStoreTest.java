package dev.orca.skills.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.core.OrcaException;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.KernelSnapshot.Definition;
import dev.orca.kernel.KernelSnapshot.VariableValue;
import dev.orca.skills.session.internal.SessionFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE =
      "{\"@orca.table\":true,\"name\":\"sales\",\"columns\":[{\"name\":\"region\",\"type\":"
          + "\"STRING\"},{\"name\":\"amount\",\"type\":\"INTEGER\"}],"
          + "\"csv\":\"region,amount\\nnorth,10\\nsouth,\\\"2,0\\\"\\n\"}";

  @TempDir Path dir;

  private SessionStore store() {
    return new SessionStore(dir.resolve("sessions"));
  }

  private static KernelSnapshot snapshot(VariableValue... vars) {
    return new KernelSnapshot(
        List.of(
            new Definition("import", "java.util.*", "import java.util.*;"),
            new Definition("method", "twice", "int twice(int x) { return 2 * x; }"),
            new Definition("type", "Point", "record Point(int x, int y) {}")),
        List.of(vars),
        Instant.parse("2026-11-26T10:00:00Z"));
  }

  private static VariableValue value(String name, String type, String json) {
    return new VariableValue(name, type, json, null);
  }

  @Test
  void saveThenLoad_roundTripsDefinitionsValuesTablesAndReasons() throws Exception {
    SessionStore store = store();
    KernelSnapshot saved =
        snapshot(
            value("n", "int", "42"),
            value("p", "Point", "{\"x\":1,\"y\":2}"),
            value("names", "List<String>", "[\"a\",\"b\"]"),
            value("sales", "Table", TABLE),
            new VariableValue("t", "Thread", null, "its value is not plain data (Thread)"));
    SessionManifest m =
        store.save(
            "work", saved, List.of(new SkillReference("function", "twice", "2", "f/Twice.java")));

    LoadedSession loaded = store.load("work");
    assertThat(loaded.snapshot().definitions()).isEqualTo(saved.definitions());
    assertThat(loaded.snapshot().takenAt()).isEqualTo(saved.takenAt());
    assertThat(loaded.snapshot().variables()).hasSize(5);
    assertThat(loaded.snapshot().variables().subList(0, 3))
        .isEqualTo(saved.variables().subList(0, 3));
    assertThat(JSON.readTree(loaded.snapshot().variables().get(3).json()))
        .isEqualTo(JSON.readTree(TABLE));
    assertThat(loaded.snapshot().variables().get(4)).isEqualTo(saved.variables().get(4));
    assertThat(loaded.manifest()).isEqualTo(m);
    assertThat(loaded.manifest().skills())
        .extracting(SkillReference::name)
        .containsExactly("twice");
    assertThat(loaded.interrupted()).isEmpty();
  }

  @Test
  void saveThenLoad_keepsTheDeclarationOfAVariableToRecomputeByReplay() throws Exception {
    SessionStore store = store();
    VariableValue replayable =
        new VariableValue(
            "p",
            "Pattern",
            null,
            "its value is not plain data (java.util.regex.Pattern)",
            "Pattern p = Pattern.compile(\"a+\");");
    store.save("replay", snapshot(value("n", "int", "1"), replayable), List.of());

    JsonNode manifest = JSON.readTree(store.directory("replay").resolve("manifest.json").toFile());
    JsonNode p = manifest.path("variables").get(1);
    assertThat(p.path("how").asText()).isEqualTo("REPLAY");
    assertThat(p.path("source").asText()).isEqualTo("Pattern p = Pattern.compile(\"a+\");");
    assertThat(p.path("file").isNull()).isTrue();
    LoadedSession loaded = store.load("replay");
    assertThat(loaded.snapshot().variables().get(1)).isEqualTo(replayable);
    assertThat(loaded.snapshot().variables().get(1).recomputable()).isTrue();
  }

  @Test
  void load_readsManifestsWrittenBeforeReplaysExisted() throws Exception {
    SessionStore store = store();
    store.save(
        "old",
        snapshot(
            value("n", "int", "1"),
            new VariableValue("t", "Thread", null, "its value is not plain data (Thread)")),
        List.of());
    Path file = store.directory("old").resolve("manifest.json");
    com.fasterxml.jackson.databind.node.ObjectNode manifest =
        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(file.toFile());
    manifest
        .withArray("variables")
        .forEach(v -> ((com.fasterxml.jackson.databind.node.ObjectNode) v).remove("source"));
    assertThat(manifest.toString()).doesNotContain("\"source\"");
    Files.writeString(file, manifest.toString());

    LoadedSession loaded = store.load("old");
    assertThat(loaded.manifest().variable("t").how()).isEqualTo(VariableStorage.NOT_RESTORABLE);
    assertThat(loaded.manifest().variable("t").source()).isNull();
    assertThat(loaded.snapshot().variables().get(1).recomputable()).isFalse();
    assertThat(loaded.snapshot().variables().get(0).json()).isEqualTo("1");
  }

  @Test
  void save_writesTheDocumentedLayout() throws Exception {
    SessionStore store = store();
    store.save("work", snapshot(value("n", "int", "42"), value("sales", "Table", TABLE)), null);
    Path s = dir.resolve("sessions/work");
    assertThat(Files.readString(s.resolve("values/n.json"))).isEqualTo("42");
    assertThat(Files.readString(s.resolve("values/sales.csv")))
        .isEqualTo("region,amount\nnorth,10\nsouth,\"2,0\"\n");
    assertThat(Files.readAllLines(s.resolve("definitions.jsonl"))).hasSize(3);
    JsonNode manifest = JSON.readTree(s.resolve("manifest.json").toFile());
    assertThat(manifest.path("name").asText()).isEqualTo("work");
    assertThat(manifest.path("orcaVersion").asText()).isNotBlank();
    JsonNode sales = manifest.path("variables").get(1);
    assertThat(sales.path("how").asText()).isEqualTo("TABLE_CSV");
    assertThat(sales.path("columns").get(1).path("type").asText()).isEqualTo("INTEGER");
    try (var files = Files.list(dir.resolve("sessions"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("work");
    }
  }

  @Test
  void save_reusesUnchangedValueFilesAndRewritesChangedOnes() throws Exception {
    SessionStore store = store();
    store.save("work", snapshot(value("big", "String", "\"aaaa\""), value("n", "int", "1")), null);
    Path big = dir.resolve("sessions/work/values/big.json");
    Object inode = Files.getAttribute(big, "unix:ino");
    SessionManifest first = store.manifest("work").orElseThrow();

    store.save("work", snapshot(value("big", "String", "\"aaaa\""), value("n", "int", "2")), null);
    assertThat(Files.getAttribute(big, "unix:ino")).isEqualTo(inode);
    assertThat(Files.readString(dir.resolve("sessions/work/values/n.json"))).isEqualTo("2");
    SessionManifest second = store.manifest("work").orElseThrow();
    assertThat(second.created()).isEqualTo(first.created());
    assertThat(second.updated()).isAfterOrEqualTo(first.updated());
  }

  @Test
  void load_recoversFromACrashBetweenTheTwoRenames() throws Exception {
    SessionStore store = store();
    store.save("work", snapshot(value("n", "int", "1")), null);
    Path root = dir.resolve("sessions");
    // Crash after the new version was complete and the old one moved aside.
    Path newer = SessionFiles.newTemp(root, "work");
    store.save("other", snapshot(value("n", "int", "2")), null);
    copyTree(root.resolve("other"), newer);
    Files.writeString(
        newer.resolve("manifest.json"),
        Files.readString(newer.resolve("manifest.json")).replace("\"other\"", "\"work\""));
    Files.move(root.resolve("work"), root.resolve(SessionFiles.OLD + "work~x"));

    LoadedSession loaded = store.load("work");
    assertThat(loaded.snapshot().variables().get(0).json()).isEqualTo("2");
    try (var files = Files.list(root)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("work", "other");
    }
  }

  @Test
  void load_recoversTheOldVersionWhenTheNewOneIsIncomplete() throws Exception {
    SessionStore store = store();
    store.save("work", snapshot(value("n", "int", "1")), null);
    Path root = dir.resolve("sessions");
    Path half = SessionFiles.newTemp(root, "work");
    Files.writeString(half.resolve("definitions.jsonl"), "");
    Files.move(root.resolve("work"), root.resolve(SessionFiles.OLD + "work~x"));

    assertThat(store.load("work").snapshot().variables().get(0).json()).isEqualTo("1");
    assertThat(Files.exists(half)).isFalse();
  }

  @Test
  void listShowDelete_workTogether() {
    SessionStore store = store();
    assertThat(store.list()).isEmpty();
    store.save("a", snapshot(value("n", "int", "1")), null);
    store.save(
        "b",
        snapshot(value("n", "int", "1"), new VariableValue("t", "Thread", null, "not data")),
        null);
    assertThat(store.list()).extracting(SessionSummary::name).containsExactly("b", "a");
    SessionSummary b = store.list().get(0);
    assertThat(b.variables()).isEqualTo(2);
    assertThat(b.notRestorable()).isEqualTo(1);
    assertThat(store.manifest("a")).isPresent();
    assertThat(store.delete("a")).isTrue();
    assertThat(store.delete("a")).isFalse();
    assertThat(store.manifest("a")).isEmpty();
    assertThat(store.list()).extracting(SessionSummary::name).containsExactly("b");
  }

  @Test
  void applyRetention_keepsTheNewestAndProtected() throws Exception {
    SessionStore store = store();
    for (String n : List.of("s1", "s2", "s3", "s4")) {
      store.save(n, snapshot(value("n", "int", "1")), null);
      Thread.sleep(5);
    }
    assertThat(store.applyRetention(2, Set.of("s1"))).containsExactlyInAnyOrder("s2", "s3");
    assertThat(store.list()).extracting(SessionSummary::name).containsExactly("s4", "s1");
    assertThatThrownBy(() -> store.applyRetention(0, Set.of()))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("keep");
  }

  @Test
  void applyRetention_withAPredicate_countsAndDeletesOnlyEligibleSessions() throws Exception {
    SessionStore store = store();
    for (String n : List.of("auto-1", "named", "auto-2", "auto-3", "mine")) {
      store.save(n, snapshot(value("n", "int", "1")), null);
      Thread.sleep(5);
    }
    // "mine" is in use but not eligible: it neither counts toward keep nor is deleted
    assertThat(store.applyRetention(1, Set.of("mine"), n -> n.startsWith("auto-")))
        .containsExactlyInAnyOrder("auto-1", "auto-2");
    assertThat(store.list())
        .extracting(SessionSummary::name)
        .containsExactly("mine", "auto-3", "named");
  }

  @Test
  void runningMarker_isReportedOnLoadAndClearedByACheckpoint() {
    SessionStore store = store();
    store.markRunning("work", "while (true) {}");
    assertThat(store.list().get(0).interrupted()).isTrue();
    LoadedSession loaded = store.load("work");
    assertThat(loaded.interrupted()).isPresent();
    assertThat(loaded.interrupted().get().code()).isEqualTo("while (true) {}");
    assertThat(loaded.interrupted().get().hostPid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(loaded.interrupted().get().describe()).contains("while (true) {}");

    store.save("work", snapshot(value("n", "int", "1")), null);
    assertThat(store.running("work")).as("an explicit save keeps the marker").isPresent();
    store.checkpoint("work", snapshot(value("n", "int", "1")), null);
    assertThat(store.running("work")).isEmpty();
  }

  @Test
  void badNamesAndMissingSessions_failClearly() {
    SessionStore store = store();
    for (String bad : new String[] {"../x", "", ".hidden", "a/b", "a..b"}) {
      assertThatThrownBy(() -> store.load(bad))
          .isInstanceOf(OrcaException.class)
          .hasMessageContaining("Invalid session name");
    }
    store.save("exists", snapshot(), null);
    assertThatThrownBy(() -> store.load("nope"))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("No session named 'nope'")
        .hasMessageContaining("exists");
  }

  @Test
  void save_keepsDistinctFilesForNamesThatDifferOnlyInCase() throws Exception {
    SessionStore store = store();
    store.save("work", snapshot(value("x", "int", "1"), value("X", "int", "2")), null);
    LoadedSession loaded = store.load("work");
    assertThat(loaded.snapshot().variables())
        .extracting(VariableValue::json)
        .containsExactly("1", "2");
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
