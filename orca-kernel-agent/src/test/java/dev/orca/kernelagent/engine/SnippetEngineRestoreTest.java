package dev.orca.kernelagent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.Channel;
import dev.orca.kernelagent.OutputCapture;
import dev.orca.kernelagent.guard.GuardConfig;
import dev.orca.kernelagent.guard.GuardLimits;
import dev.orca.kernelagent.policy.ClassGuard;
import dev.orca.kernelagent.policy.PolicyClassGuard;
import dev.orca.kernelagent.policy.PolicyViolation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restoring saved variables into a fresh in-process engine: exact per-variable reports, values
 * equal to the originals, and a number of JShell evaluations that does not grow with the number of
 * variables.
 */
class SnippetEngineRestoreTest {
  private final Engines engines = new Engines();

  @AfterEach
  void close() {
    engines.close();
  }

  private SnippetEngine engine() {
    return engines.engine();
  }

  private static ObjectNode run(SnippetEngine engine, String cell) {
    return Engines.run(engine, cell);
  }

  private static String value(SnippetEngine engine, String expression) {
    return Engines.value(engine, expression);
  }

  /** Variables of every kind a session holds, one of them not data (a thread). */
  private static final String SESSION =
      String.join(
          "\n",
          "record Point(int x, double y, String label) {}",
          "enum Color { RED, GREEN }",
          "int twice(int x) { return 2 * x; }",
          "int scaled() { return twice(points.size()) + ints.length; }",
          "class Report { String head() { return text.lines().findFirst().orElse(\"\"); } }",
          "List<Point> points = new ArrayList<>(List.of(new Point(1, 2.5, \"a\"),"
              + " new Point(-3, 0.0, \"b, \\\"c\\\"\")));",
          "Map<String, List<Integer>> groups = new TreeMap<>(Map.of(\"k\", List.of(1, 2, 3),"
              + " \"j\", List.of()));",
          "Set<String> tags = new TreeSet<>(Set.of(\"x\", \"y\", \"z\"));",
          "int[] ints = {3, 1, 2};",
          "String[][] grid = {{\"a\", \"b\"}, {\"c\"}};",
          "String text = \"line one\\nline \\\"two\\\"\";",
          "long big = 9_000_000_000L;",
          "double ratio = 0.125;",
          "BigDecimal price = new BigDecimal(\"12.50\");",
          "LocalDate day = LocalDate.of(2026, 11, 26);",
          "LocalDateTime when = LocalDateTime.of(2026, 11, 26, 12, 30, 15);",
          "Color color = Color.GREEN;",
          "Optional<String> maybe = Optional.of(\"yes\");",
          "Thread worker = new Thread(() -> {});",
          "Map<String, Point> byLabel = new LinkedHashMap<>(Map.of(\"a\", points.get(0)));",
          "Table sales = Table.create(\"sales\", StringColumn.create(\"item\", \"tea\","
              + " \"cake, lemon\"), DoubleColumn.create(\"price\", 2.5, 3.75),"
              + " DateColumn.create(\"day\", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)),"
              + " IntColumn.create(\"qty\", 3, 4));");

  /** Every restorable value, as text, from a cell that names them all. */
  private static final String FINGERPRINT =
      "String.join(\" | \", points.toString(), groups.toString(), new TreeSet<>(tags).toString(),"
          + " Arrays.toString(ints), Arrays.deepToString(grid), text, String.valueOf(big),"
          + " String.valueOf(ratio), price.toPlainString(), day.toString(), when.toString(),"
          + " color.toString(), maybe.toString(), byLabel.toString(), sales.print(),"
          + " sales.column(\"day\").type().name(), String.valueOf(scaled()))";

  private static final List<String> RESTORABLE =
      List.of(
          "points", "groups", "tags", "ints", "grid", "text", "big", "ratio", "price", "day",
          "when", "color", "maybe", "byLabel", "sales");

  private static ObjectNode variable(String name, String type, String json, String reason) {
    ObjectNode v = Channel.object();
    v.put("name", name);
    v.put("type", type);
    if (json != null) {
      v.put("json", json);
    }
    if (reason != null) {
      v.put("reason", reason);
    }
    return v;
  }

  /**
   * The source's snapshot with three more variables that cannot come back, placed among the good
   * ones: a type that is gone, a value that does not fit its type, and one never captured.
   */
  private static ObjectNode tampered(ObjectNode snapshot) {
    ObjectNode request = snapshot.deepCopy();
    ArrayNode vars = (ArrayNode) request.get("variables");
    vars.insert(1, variable("ghost", "List<Vanished>", "[]", null));
    vars.insert(5, variable("badDay", "LocalDate", "\"not a date\"", null));
    vars.insert(9, variable("unseen", "String", null, "it was not checkpointed"));
    return request;
  }

  @Test
  void restore_bringsBackEveryKindOfValueAndReportsEachLostVariableWithItsReason() {
    SnippetEngine source = engine();
    run(source, SESSION);
    String expected = value(source, FINGERPRINT);
    ObjectNode request = tampered(source.snapshot());

    SnippetEngine target = engine();
    long before = target.evaluations();
    ObjectNode report = target.restore(request);
    long spent = target.evaluations() - before;

    assertThat(texts(report.get("replayed")))
        .containsExactly("Point", "Color", "twice", "scaled", "Report");
    assertThat(texts(report.get("restored"))).containsExactlyElementsOf(RESTORABLE);
    Map<String, String> lost = lost(report);
    assertThat(lost.keySet()).containsExactly("ghost", "badDay", "unseen", "worker");
    assertThat(lost.get("ghost")).isEqualTo("its type List<Vanished> is not available any more");
    assertThat(lost.get("badDay"))
        .startsWith("its saved value does not fit its type LocalDate (")
        .contains("not a date");
    assertThat(lost.get("unseen")).isEqualTo("it was not checkpointed");
    assertThat(lost.get("worker")).contains("not plain data", "java.lang.Thread");
    // Five definitions, then one class for all the types and one more once "ghost" was found.
    assertThat(spent).isLessThanOrEqualTo(5 + 2);

    // Listed, inspected and saved before any cell names them.
    assertThat(texts(target.variables()).size()).isEqualTo(RESTORABLE.size());
    assertThat(target.variableNameList()).containsExactlyElementsOf(RESTORABLE);
    assertThat(target.inspect("sales").path("summary").asText()).contains("cake, lemon");
    assertThat(target.snapshot().get("variables"))
        .isEqualTo(withoutLost(source.snapshot().get("variables")));

    // A method replayed before the variables existed, and a class that reads one, work.
    assertThat(value(target, "scaled()")).isEqualTo("7");
    assertThat(value(target, "new Report().head()")).isEqualTo("\"line one\"");
    assertThat(value(target, FINGERPRINT)).isEqualTo(expected);
    assertThat(target.variableNameList()).containsExactlyElementsOf(RESTORABLE);
  }

  @Test
  void restore_spendsOneEvaluationForAGroupOfVariablesHoweverManyThereAre() {
    assertThat(evaluationsToRestore(3)).isEqualTo(evaluationsToRestore(60));
    assertThat(evaluationsToRestore(60)).isLessThanOrEqualTo(2); // one definition, one group
  }

  private long evaluationsToRestore(int count) {
    ObjectNode request = Channel.object();
    ObjectNode def = request.putArray("definitions").addObject();
    def.put("kind", "type");
    def.put("name", "Pair");
    def.put("source", "record Pair(String k, int v) {}");
    ArrayNode vars = request.putArray("variables");
    for (int i = 0; i < count; i++) {
      switch (i % 4) {
        case 0 -> vars.add(variable("n" + i, "int", Integer.toString(i), null));
        case 1 ->
            vars.add(variable("p" + i, "List<Pair>", "[{\"k\":\"k\",\"v\":" + i + "}]", null));
        case 2 -> vars.add(variable("m" + i, "Map<String, Integer>", "{\"v\":" + i + "}", null));
        default -> vars.add(variable("s" + i, "String", "\"s" + i + "\"", null));
      }
    }
    SnippetEngine target = engine();
    long before = target.evaluations();
    ObjectNode report = target.restore(request);
    long spent = target.evaluations() - before;
    assertThat(report.get("restored")).hasSize(count);
    assertThat(report.get("lost")).isEmpty();
    // Each variable is declared when a cell first names it: one evaluation each, then none.
    String last = vars.get(count - 1).path("name").asText();
    long beforeUse = target.evaluations();
    assertThat(value(target, "String.valueOf(" + last + ")")).contains("" + (count - 1));
    assertThat(target.evaluations() - beforeUse).isEqualTo(2);
    beforeUse = target.evaluations();
    value(target, "String.valueOf(" + last + ")");
    assertThat(target.evaluations() - beforeUse).isEqualTo(1);
    return spent;
  }

  @Test
  void idleDeclarations_declareEveryRestoredVariableAheadAndKeepTheirSavedJsonUntilTouched() {
    ObjectNode request = Channel.object();
    request.putArray("definitions");
    ArrayNode vars = request.putArray("variables");
    vars.add(variable("xs", "List<Integer>", "[1,2,3]", null));
    vars.add(variable("name", "String", "\"orca\"", null));
    vars.add(variable("n", "int", "7", null));
    SnippetEngine target = engine();
    target.restore(request);
    assertThat(target.anyRestoredToDeclare()).isTrue();

    long before = target.evaluations();
    int steps = 0;
    boolean more = true;
    while (more) {
      more = target.declareOneRestored();
      steps++;
    }
    assertThat(steps).isEqualTo(3);
    assertThat(target.evaluations() - before)
        .isEqualTo(3); // one declaration each, in the idle time
    assertThat(target.anyRestoredToDeclare()).isFalse();

    // A cell naming them now pays only for itself.
    long beforeUse = target.evaluations();
    assertThat(value(target, "name + n + xs.size()")).isEqualTo("\"orca73\"");
    assertThat(target.evaluations() - beforeUse).isEqualTo(1);

    // Untouched ones are saved with their loaded JSON; a changed one is encoded again.
    run(target, "xs = new ArrayList<>(xs); xs.add(4);");
    Map<String, String> saved = new LinkedHashMap<>();
    target
        .snapshot()
        .get("variables")
        .forEach(v -> saved.put(v.path("name").asText(), v.path("json").asText()));
    assertThat(saved).containsEntry("name", "\"orca\"").containsEntry("n", "7");
    assertThat(saved.get("xs")).isEqualTo("[1,2,3,4]");
  }

  @Test
  void restore_declaresOneByOneOnlyWhatTheBatchCannotWrite() {
    SnippetEngine target = engine();
    ObjectNode request = Channel.object();
    request.putArray("definitions");
    ArrayNode vars = request.putArray("variables");
    vars.add(variable("a", "int", "1", null));
    // Not a plain type name: cannot go into a generated class, so it takes the one-by-one path.
    vars.add(variable("weird", "List<String> /* a comment */", "[\"x\"]", null));
    vars.add(variable("b", "String", "\"two\"", null));
    vars.add(variable("c", "int", "\"three\"", null));
    vars.add(variable("d", "int", "null", null)); // Jackson reads null as 0 for an int
    ObjectNode report = target.restore(request);
    assertThat(texts(report.get("restored"))).containsExactly("a", "weird", "b", "d");
    Map<String, String> lost = lost(report);
    assertThat(lost.keySet()).containsExactly("c");
    assertThat(lost.get("c")).startsWith("its saved value does not fit its type int (");
    assertThat(value(target, "a + b + weird + d")).isEqualTo("\"1two[x]0\"");
  }

  @Test
  void restore_checksAGroupOneByOneWhenTheCompilerCannotSayWhichVariableFails() {
    // A sandbox that refuses any class mentioning BitSet: the group's class is refused as a whole,
    // with no diagnostic pointing at a variable.
    ClassGuard noBitSets =
        (name, bytecode) -> {
          if (new String(bytecode, StandardCharsets.ISO_8859_1).contains("java/util/BitSet")) {
            throw new PolicyViolation("BitSet is not allowed here");
          }
          return bytecode;
        };
    SnippetEngine target =
        new SnippetEngine(noBitSets, new OutputCapture(10_000), new OutputCapture(10_000), 10_000);
    engines.keep(target);
    ObjectNode request = Channel.object();
    request.putArray("definitions");
    ArrayNode vars = request.putArray("variables");
    vars.add(variable("a", "int", "1", null));
    vars.add(variable("bits", "BitSet", "{}", null));
    vars.add(variable("c", "String", "\"c\"", null));
    long before = target.evaluations();
    ObjectNode report = target.restore(request);
    assertThat(texts(report.get("restored"))).containsExactly("a", "c");
    assertThat(lost(report))
        .containsExactly(
            Map.entry("bits", "the sandbox refuses its type BitSet: BitSet is not allowed here"));
    // The group, then each of its three variables on its own.
    assertThat(target.evaluations() - before).isEqualTo(1 + 3);
    assertThat(value(target, "a + c")).isEqualTo("\"1c\"");
  }

  @Test
  void restore_worksUnderTheSandboxPolicy(@TempDir Path workspace) {
    GuardConfig.install(workspace, GuardLimits.defaults());
    SnippetEngine source = engine();
    run(source, SESSION);
    String expected = value(source, FINGERPRINT);
    SnippetEngine target =
        new SnippetEngine(
            new PolicyClassGuard(),
            new OutputCapture(100_000),
            new OutputCapture(100_000),
            100_000);
    engines.keep(target);
    ObjectNode report = target.restore(source.snapshot());
    assertThat(texts(report.get("restored"))).containsExactlyElementsOf(RESTORABLE);
    assertThat(value(target, FINGERPRINT)).isEqualTo(expected);
  }

  @Test
  void restoredVariables_canBeRedeclaredChangedAndCompleted() {
    SnippetEngine source = engine();
    run(source, "List<Integer> xs = new ArrayList<>(List.of(1, 2));\nString word = \"w\";");
    SnippetEngine target = engine();
    target.restore(source.snapshot());

    // A cell that declares a restored name replaces it; the listing keeps one of each.
    run(target, "String word = \"new\";");
    assertThat(target.variableNameList()).containsExactly("xs", "word");
    assertThat(value(target, "word")).isEqualTo("\"new\"");

    // Kernel code that reads a waiting variable by name sees the live value; saves follow it.
    @SuppressWarnings("unchecked")
    List<Integer> live = (List<Integer>) valueOf(target, "xs");
    live.add(3);
    JsonNode saved = target.snapshot().get("variables").get(0);
    assertThat(saved.path("json").asText()).isEqualTo("[1,2,3]");

    assertThat(texts(target.complete("xs.siz", 6))).contains("size()");
    assertThat(value(target, "xs.size()")).isEqualTo("3");
  }

  @Test
  void restoredVariables_followATypeRedefinedBeforeTheirFirstUse() {
    SnippetEngine source = engine();
    run(
        source,
        "record Point(int x, String label) {}\nList<Point> points = List.of(new Point(1, \"a\"));");
    SnippetEngine target = engine();
    target.restore(source.snapshot());
    // A new Point class: the waiting list is decoded again into it when a cell names it.
    run(target, "record Point(int x, String label) { String hi() { return \"hi \" + label; } }");
    assertThat(value(target, "points.get(0).hi()")).isEqualTo("\"hi a\"");
    // A Point its saved value no longer fits: the variable is gone, and the cell says why.
    SnippetEngine other = engine();
    other.restore(source.snapshot());
    run(other, "record Point(List<String> x, String label) {}");
    ObjectNode reply = other.execute("String.valueOf(points)");
    assertThat(reply.path("status").asText()).isEqualTo("compile_error");
    assertThat(reply.path("stderr").asText())
        .startsWith(
            "orca: the restored variable points could not be declared: its saved value does not"
                + " fit its type List<Point> (");
    assertThat(other.variableNameList()).isEmpty();
  }

  @Test
  void executeReplies_listWaitingVariablesSoTheHostKeepsTheirCheckpoints() {
    SnippetEngine source = engine();
    run(source, "int kept = 1;\nint used = 2;");
    SnippetEngine target = engine();
    target.restore(source.snapshot());
    ObjectNode reply = run(target, "used = used + 40;");
    assertThat(texts(reply.get("variableNames"))).containsExactly("kept", "used");
    assertThat(reply.get("checkpoints")).hasSize(1);
    assertThat(reply.get("checkpoints").get(0).path("json").asText()).isEqualTo("42");
  }

  private static Object valueOf(SnippetEngine engine, String name) {
    try {
      return engine.valueOf(name);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.path("name").asText()));
    return out;
  }

  private static Map<String, String> lost(JsonNode report) {
    Map<String, String> out = new LinkedHashMap<>();
    report.get("lost").forEach(n -> out.put(n.path("name").asText(), n.path("reason").asText()));
    return out;
  }

  private static JsonNode withoutLost(JsonNode variables) {
    ArrayNode out = Channel.JSON.createArrayNode();
    variables.forEach(
        v -> {
          if (v.hasNonNull("json")) {
            out.add(v);
          }
        });
    return out;
  }
}
