package dev.orca.skills.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.core.history.ExecutionRecord;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.Outcome;
import dev.orca.core.history.SecretRedactor;
import dev.orca.core.history.SkillEventRecord;
import dev.orca.core.history.SkillEventType;
import dev.orca.core.history.ToolCallRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Planted repetitions: each group is one piece of work written several times with renamed
 * variables, different literals and reordered independent statements; near-miss groups differ in
 * what they do (another API, operator or constant field) and must never be paired with them.
 */
class PatternMinerTest {
  private final HistoryStore history = HistoryStore.inMemory(new SecretRedactor(Map.of()));
  private final Random random = new Random(42);
  private final Map<Long, String> groupOfRow = new HashMap<>();

  @AfterEach
  void close() {
    history.close();
  }

  private static final Map<String, List<String>> PLANTED = new java.util.LinkedHashMap<>();

  static {
    PLANTED.put(
        "csvSum",
        List.of(
            "var lines = Files.readAllLines(Path.of(\"sales.csv\"));\nint total = 0;\n"
                + "for (String line : lines.subList(1, lines.size())) {\n"
                + "  total += Integer.parseInt(line.split(\",\")[2]);\n}\ntotal",
            "var rows = Files.readAllLines(Path.of(\"q3.csv\"));\nint sum = 0;\n"
                + "for (String r : rows.subList(1, rows.size())) {\n"
                + "  sum += Integer.parseInt(r.split(\";\")[4]);\n}\nsum",
            "var data = Files.readAllLines(Path.of(\"/tmp/x.csv\"));\nint acc = 0;\n"
                + "// skip header\nfor (String l : data.subList(1, data.size())) {\n"
                + "  acc += Integer.parseInt(l.split(\",\")[0]);\n}\nacc",
            "var ls = Files.readAllLines(Path.of(\"a.csv\")); int t = 0;"
                + " for (String s : ls.subList(1, ls.size())) { t += Integer.parseInt(s.split(\"|\")[1]); } t"));
    PLANTED.put(
        "openIssues",
        List.of(
            "var res = callTool(\"github.search_issues\", Map.of(\"q\", \"bug\", \"limit\", 50));\n"
                + "var items = (List<Map<String, Object>>) res.get(\"items\");\n"
                + "var open = items.stream().filter(i -> \"open\".equals(i.get(\"state\"))).toList();\n"
                + "open.size()",
            "var r = callTool(\"github.search_issues\", Map.of(\"q\", \"crash\", \"limit\", 10));\n"
                + "var xs = (List<Map<String, Object>>) r.get(\"items\");\n"
                + "var o = xs.stream().filter(it -> \"closed\".equals(it.get(\"state\"))).toList();\n"
                + "o.size()",
            "var found = callTool(\"jira.search\", Map.of(\"jql\", \"x\", \"max\", 5));\n"
                + "var list = (List<Map<String, Object>>) found.get(\"issues\");\n"
                + "var sel = list.stream().filter(e -> \"todo\".equals(e.get(\"status\"))).toList();\n"
                + "sel.size()"));
    PLANTED.put(
        "daysBetween",
        List.of(
            "var start = LocalDate.parse(\"2026-01-01\");\nvar end = LocalDate.parse(\"2026-02-01\");\n"
                + "long days = ChronoUnit.DAYS.between(start, end);\nSystem.out.println(\"days: \" + days);",
            "var to = LocalDate.parse(\"2026-12-31\");\nvar from = LocalDate.parse(\"2026-06-01\");\n"
                + "long n = ChronoUnit.DAYS.between(from, to);\nSystem.out.println(\"n=\" + n);",
            "var b = LocalDate.parse(\"2025-05-05\");\nvar a = LocalDate.parse(\"2025-01-01\");\n"
                + "long d = ChronoUnit.DAYS.between(a, b);\nSystem.out.println(\"diff \" + d);"));
    PLANTED.put(
        "wordCount",
        List.of(
            "Map<String, Integer> counts = new TreeMap<>();\n"
                + "for (String w : text.toLowerCase().split(\"\\\\s+\")) {\n"
                + "  counts.merge(w, 1, Integer::sum);\n}\ncounts.entrySet().stream().limit(10).toList()",
            "Map<String, Integer> freq = new TreeMap<>();\n"
                + "for (String token : review.toLowerCase().split(\"\\\\W+\")) {\n"
                + "  freq.merge(token, 1, Integer::sum);\n}\nfreq.entrySet().stream().limit(25).toList()",
            "Map<String, Integer> m = new TreeMap<>();\nfor (String s : body.toLowerCase().split(\" \")) {"
                + " m.merge(s, 1, Integer::sum); }\nm.entrySet().stream().limit(3).toList()"));
    PLANTED.put(
        "tableFilter",
        List.of(
            "Table people = Table.read().csv(\"people.csv\");\n"
                + "Table older = people.where(people.intColumn(\"age\").isGreaterThan(30));\n"
                + "older.rowCount()",
            "Table t = Table.read().csv(\"staff.csv\");\n"
                + "Table senior = t.where(t.intColumn(\"years\").isGreaterThan(10));\nsenior.rowCount()",
            "Table x = Table.read().csv(\"x.csv\");\nTable y = x.where(x.intColumn(\"n\").isGreaterThan(0));\n"
                + "y.rowCount()"));
    PLANTED.put(
        "scoreMethod",
        List.of(
            "int score(String s) {\n  return s.length() * 2 + s.indexOf('a');\n}",
            "int points(String word) { return word.length() * 3 + word.indexOf('e'); }",
            "int rank(String v) {\n  // weighting\n  return v.length() * 10 + v.indexOf('z');\n}"));
    PLANTED.put(
        "jsonField",
        List.of(
            "var mapper = new ObjectMapper();\nvar node = mapper.readTree(payload);\n"
                + "var name = node.path(\"user\").path(\"name\").asText();\nvar id = node.path(\"id\").asLong();\n"
                + "System.out.println(name + \" \" + id);",
            "var om = new ObjectMapper();\nvar tree = om.readTree(resp);\n"
                + "var uid = tree.path(\"uid\").asLong();\nvar title = tree.path(\"meta\").path(\"title\").asText();\n"
                + "System.out.println(title + \" \" + uid);",
            "var jm = new ObjectMapper();\nvar root = jm.readTree(body);\n"
                + "var who = root.path(\"a\").path(\"b\").asText();\nvar num = root.path(\"c\").asLong();\n"
                + "System.out.println(who + \" \" + num);"));
    PLANTED.put(
        "retryLoop",
        List.of(
            "int attempt = 0;\nString out = null;\nwhile (attempt < 3 && out == null) {\n"
                + "  try { out = fetch(url); } catch (RuntimeException e) { attempt++; }\n}\nout",
            "int tries = 0;\nString body = null;\nwhile (tries < 5 && body == null) {\n"
                + "  try { body = fetch(endpoint); } catch (RuntimeException ex) { tries++; }\n}\nbody",
            "int k = 0; String res = null; while (k < 10 && res == null) { try { res = fetch(u); }"
                + " catch (RuntimeException err) { k++; } } res"));
  }

  /** Same shape as a planted group but different work: must not be paired with it. */
  private static final Map<String, List<String>> NEAR_MISSES = new java.util.LinkedHashMap<>();

  static {
    NEAR_MISSES.put(
        "csvSumDouble",
        List.of(
            "var lines = Files.readAllLines(Path.of(\"sales.csv\"));\nint total = 0;\n"
                + "for (String line : lines.subList(1, lines.size())) {\n"
                + "  total += Integer.valueOf(line.split(\",\")[2]);\n}\ntotal"));
    NEAR_MISSES.put(
        "tableFilterLess",
        List.of(
            "Table people = Table.read().csv(\"people.csv\");\n"
                + "Table younger = people.where(people.intColumn(\"age\").isLessThan(30));\n"
                + "younger.rowCount()"));
    NEAR_MISSES.put(
        "weeksBetween",
        List.of(
            "var start = LocalDate.parse(\"2026-01-01\");\nvar end = LocalDate.parse(\"2026-02-01\");\n"
                + "long w = ChronoUnit.WEEKS.between(start, end);\nSystem.out.println(\"weeks: \" + w);"));
    NEAR_MISSES.put(
        "retryLoopLe",
        List.of(
            "int attempt = 0;\nString out = null;\nwhile (attempt <= 3 && out == null) {\n"
                + "  try { out = fetch(url); } catch (RuntimeException e) { attempt++; }\n}\nout"));
    NEAR_MISSES.put(
        "wordCountHash",
        List.of(
            "Map<String, Integer> counts = new HashMap<>();\n"
                + "for (String w : text.toLowerCase().split(\"\\\\s+\")) {\n"
                + "  counts.merge(w, 1, Integer::sum);\n}\ncounts.entrySet().stream().limit(10).toList()"));
    NEAR_MISSES.put(
        "scoreMinus",
        List.of("int score(String s) {\n  return s.length() * 2 - s.indexOf('a');\n}"));
  }

  private static final List<String> SINGLES =
      List.of(
          "var client = HttpClient.newHttpClient();\nvar req = HttpRequest.newBuilder(URI.create(u)).build();",
          "List<Integer> evens = IntStream.range(0, 100).filter(i -> i % 2 == 0).boxed().toList();",
          "record Point(int x, int y) {}\nvar pts = List.of(new Point(1, 2), new Point(3, 4));",
          "var sb = new StringBuilder();\nfor (int i = 0; i < 10; i++) { sb.append(i).append(','); }\nsb.toString()",
          "Files.writeString(Path.of(\"out.txt\"), report);\nSystem.out.println(\"written\");",
          "var sorted = new ArrayList<>(names);\nCollections.sort(sorted);\nsorted.subList(0, 5)",
          "double avg = scores.stream().mapToInt(Integer::intValue).average().orElse(0);\navg",
          "var summary = callSubagent(\"summarizer\", \"transcripts\");\nsummary");

  private void record(String group, String code, String session) {
    long tokens = 80 + random.nextInt(300);
    long id = history.recordExecution(ExecutionRecord.of(session, code, 10, Outcome.OK, tokens));
    groupOfRow.put(id, group);
  }

  private void plantAll() {
    List<String[]> all = new ArrayList<>();
    PLANTED.forEach((g, variants) -> variants.forEach(v -> all.add(new String[] {g, v})));
    NEAR_MISSES.forEach((g, variants) -> variants.forEach(v -> all.add(new String[] {g, v})));
    SINGLES.forEach(s -> all.add(new String[] {"single-" + s.hashCode(), s}));
    java.util.Collections.shuffle(all, random);
    int i = 0;
    for (String[] row : all) {
      record(row[0], row[1], "s" + (i++ % 7));
    }
    // A failing cell is not repeated work, however similar.
    history.recordExecution(
        ExecutionRecord.of("s0", PLANTED.get("csvSum").get(0), 5, Outcome.ERROR, 9));
  }

  @Test
  void analyze_findsPlantedRepetitionsWithoutFalsePairs() {
    plantAll();
    AnalysisReport report = new PatternMiner(history).analyze(100);
    List<RepeatedWork> cells =
        report.patterns().stream().filter(p -> p.kind().equals("cell")).toList();

    // Purity: a pattern never mixes different work.
    for (RepeatedWork p : cells) {
      Set<String> groups = new HashSet<>();
      p.executionIds().forEach(id -> groups.add(groupOfRow.get(id)));
      assertThat(groups).as("pattern %s mixes %s", p.example(), groups).hasSize(1);
      assertThat(groups.iterator().next()).isIn(PLANTED.keySet());
    }
    // Recall: planted variants that landed in their group's pattern.
    int planted = 0;
    int found = 0;
    for (Map.Entry<String, List<String>> g : PLANTED.entrySet()) {
      planted += g.getValue().size();
      int best = 0;
      for (RepeatedWork p : cells) {
        int mine =
            (int)
                p.executionIds().stream()
                    .filter(id -> g.getKey().equals(groupOfRow.get(id)))
                    .count();
        best = Math.max(best, mine);
      }
      found += best;
    }
    assertThat((double) found / planted)
        .as("recall (%d of %d)", found, planted)
        .isGreaterThanOrEqualTo(0.9);
    assertThat(cells).hasSizeLessThanOrEqualTo(PLANTED.size());
    assertThat(report.executionsScanned()).isEqualTo(groupOfRow.size() + 1);
  }

  @Test
  void analyze_ranksBySavingAndStoresFingerprints() {
    plantAll();
    AnalysisReport report = new PatternMiner(history).analyze(3);
    assertThat(report.patterns()).hasSize(3);
    assertThat(report.patterns().get(0).estimatedSaving())
        .isGreaterThanOrEqualTo(report.patterns().get(2).estimatedSaving());
    RepeatedWork top = report.patterns().get(0);
    assertThat(top.tokens()).isGreaterThan(top.estimatedSaving());
    assertThat(history.executionsWithFingerprint(top.fingerprint())).hasSize(top.count());
    assertThat(top.suggestion()).contains(top.suggestedName());
  }

  @Test
  void analyze_findsRecurringToolSequencesAndIgnoresOneOffs() {
    for (int s = 0; s < 4; s++) {
      String session = "t" + s;
      call(session, "fs.list");
      call(session, "github.search_issues");
      call(session, "github.get_issue");
      call(session, "slack.post_message");
      call(session, "noise." + s);
    }
    call("t9", "a.one");
    call("t9", "b.two");
    AnalysisReport report = new PatternMiner(history).analyze(10);
    List<RepeatedWork> seqs =
        report.patterns().stream().filter(p -> p.kind().equals("tool_sequence")).toList();
    assertThat(seqs)
        .extracting(RepeatedWork::fingerprint)
        .containsExactly("fs.list > github.search_issues > github.get_issue > slack.post_message");
    assertThat(seqs.get(0).count()).isEqualTo(4);
    assertThat(seqs.get(0).sessions()).isEqualTo(4);
    assertThat(seqs.get(0).suggestedName()).isEqualTo("listSearchIssues");
  }

  @Test
  void analyze_reportsSavingsOfLearnedFunctions() {
    history.recordSkillEvent(
        SkillEventRecord.of("s", "csvSum", "1", SkillEventType.GENERATED, null, 4000, 0));
    history.recordSkillEvent(
        SkillEventRecord.of("s", "csvSum", "1", SkillEventType.USED, null, 0, 350));
    history.recordSkillEvent(
        SkillEventRecord.of("s", "csvSum", "1", SkillEventType.USED, null, 0, 420));
    AnalysisReport report = new PatternMiner(history).analyze(5);
    assertThat(report.savings().uses()).isEqualTo(2);
    assertThat(report.savings().tokensSaved()).isEqualTo(770);
    assertThat(report.savings().net()).isEqualTo(770 - 4000);
    JsonNode json = report.toJson();
    assertThat(json.path("savings").path("tokensSaved").asLong()).isEqualTo(770);
    assertThat(report.describe()).contains("2 use(s)");
  }

  @Test
  void suggestionToRequest_carriesTheConcretePastCells() {
    plantAll();
    PatternMiner miner = new PatternMiner(history);
    RepeatedWork csv =
        miner.analyze(100).patterns().stream()
            .filter(p -> p.example().contains("readAllLines"))
            .findFirst()
            .orElseThrow();
    FunctionRequest request = miner.suggestionToRequest(csv);
    assertThat(request.examples()).hasSize(csv.count()).allMatch(e -> e.contains("readAllLines"));
    assertThat(request.name()).isEqualTo("readAllLinesSubList");
    JsonNode args = request.toGenerateFunctionArgs();
    assertThat(args.path("name").asText()).isEqualTo(request.name());
    assertThat(args.path("examples")).hasSize(csv.count());
    assertThat(args.path("description").asText()).contains("parameters");
    dev.orca.skills.generate.FunctionRequest generate = request.toGenerateRequest();
    assertThat(generate.name().method()).isEqualTo(request.name());
    assertThat(generate.examples()).hasSize(csv.count());
    assertThat(generate.examples().get(0).asText()).isEqualTo(request.examples().get(0));
    // A proposed signature: the values that differed between the cells become parameters.
    assertThat(request.signatureHint())
        .startsWith("readAllLinesSubList(String path, String splitArg, int index) -> ");
    assertThat(generate.description()).contains("Signature hint").contains("String splitArg");
    FunctionRequest renamed = request.withName("sumColumn");
    assertThat(renamed.signatureHint()).startsWith("sumColumn(String path");
    assertThat(renamed.examples()).isEqualTo(request.examples());
  }

  @Test
  void patterns_haveShortStableIdsInTheReportAndItsJson() {
    plantAll();
    PatternMiner miner = new PatternMiner(history);
    AnalysisReport report = miner.analyze(100);
    List<String> ids = report.patterns().stream().map(RepeatedWork::id).toList();
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[ct][0-9a-f]{8}"));
    assertThat(miner.analyze(100).patterns().stream().map(RepeatedWork::id)).isEqualTo(ids);
    RepeatedWork top = report.patterns().get(0);
    assertThat(report.toJson().path("patterns").get(0).path("id").asText()).isEqualTo(top.id());
    assertThat(report.describe()).contains("1. [" + top.id() + "] cell").contains("--generate");
    assertThat(SuggestionHandoff.find(report, "1")).contains(top);
    assertThat(SuggestionHandoff.find(report, top.id())).contains(top);
    assertThat(SuggestionHandoff.find(report, top.fingerprint())).contains(top);
    assertThat(SuggestionHandoff.find(report, top.id().substring(0, 6))).contains(top);
    assertThat(SuggestionHandoff.find(report, "0")).isEmpty();
    assertThat(SuggestionHandoff.find(report, "c")).isEmpty();
    assertThat(SuggestionHandoff.unknown("zzz", report).getMessage())
        .contains("rank (1 to " + report.patterns().size() + ")")
        .contains(top.id());
  }

  @Test
  void bridgeHandler_returnsTheDocumentedShape() throws Exception {
    plantAll();
    AnalysisBridgeHandler handler = new AnalysisBridgeHandler(new PatternMiner(history));
    JsonNode out = handler.analyzeHistory(new ObjectMapper().readTree("{\"limit\":2}"));
    assertThat(out.path("patterns")).hasSize(2);
    JsonNode first = out.path("patterns").get(0);
    for (String field : List.of("fingerprint", "count", "tokens", "example", "suggestion")) {
      assertThat(first.has(field)).as(field).isTrue();
    }
    assertThat(out.has("savings")).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> handler.analyzeHistory(new ObjectMapper().readTree("{\"limit\":0}")))
        .hasMessageContaining("limit");
  }

  private void call(String session, String tool) {
    history.recordToolCall(ToolCallRecord.of(session, tool, 20, 200, 5, Outcome.OK, null));
  }
}
