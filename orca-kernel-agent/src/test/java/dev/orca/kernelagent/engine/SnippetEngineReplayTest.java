package dev.orca.kernelagent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Variables whose values are not data: saved with their declaration when it is pure, recomputed by
 * replaying it on restore, and reported "not restorable" with the reason otherwise.
 */
class SnippetEngineReplayTest {
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

  private static Map<String, JsonNode> byName(JsonNode variables) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    variables.forEach(v -> out.put(v.path("name").asText(), v));
    return out;
  }

  private static final String PURE =
      String.join(
          "\n",
          "import java.util.regex.*;",
          "var p = java.util.regex.Pattern.compile(\"a+\");",
          "Function<Integer, Integer> f = x -> x + 1;",
          "String prefix = \"b\";",
          "Pattern byPrefix = Pattern.compile(prefix + \"+\");",
          "int twice(int x) { return 2 * x; }",
          "IntUnaryOperator doubler = x -> twice(x);",
          "Pattern base = Pattern.compile(\"x+\");",
          "Predicate<String> isX = s -> base.matcher(s).matches();");

  @Test
  void snapshot_keepsPureDeclarationsAndSaysWhyOthersAreNotPure() {
    SnippetEngine engine = engine();
    run(engine, PURE);
    run(
        engine,
        String.join(
            "\n",
            "Pattern reassigned = Pattern.compile(\"r\");",
            "Supplier<String> reader = () -> { try { return Files.readString(Path.of(\"in.txt\"));"
                + " } catch (Exception e) { return \"\"; } };",
            "Pattern stamped = Pattern.compile(Instant.now().toString().substring(0, 4));",
            "Supplier<Object> viaTool = () -> callTool(\"search\", Map.of());",
            "Object github_search(String q) { return callTool(\"github.search\", Map.of(\"q\", q));"
                + " }",
            "Function<String, Object> viaStub = q -> github_search(q);",
            "Runnable one = () -> {}, two = () -> {};",
            "Thread worker = new Thread(() -> {});",
            "String word = \"w\";",
            "Pattern byWord = Pattern.compile(word);"));
    run(engine, "reassigned = Pattern.compile(\"s\");");
    run(engine, "word = \"v\";");

    Map<String, JsonNode> vars = byName(engine.snapshot().get("variables"));
    for (String pure : List.of("p", "f", "byPrefix", "doubler", "base", "isX")) {
      assertThat(vars.get(pure).path("replay").asText()).as(pure).contains(pure + " =");
      assertThat(vars.get(pure).path("reason").asText()).as(pure).contains("not plain data");
    }
    assertThat(vars.get("prefix").path("json").asText()).isEqualTo("\"b\"");
    assertThat(vars.get("prefix").has("replay")).isFalse();
    Map<String, String> why = new LinkedHashMap<>();
    vars.forEach(
        (name, v) -> {
          if (!v.has("json") && !v.has("replay")) {
            why.put(name, v.path("reason").asText());
          }
        });
    assertThat(why.keySet())
        .containsExactlyInAnyOrder(
            "reassigned",
            "reader",
            "stamped",
            "viaTool",
            "viaStub",
            "one",
            "two",
            "worker",
            "byWord");
    assertThat(why.values()).allMatch(r -> r.contains(" and its declaration is not pure: "));
    assertThat(why.get("reassigned")).endsWith("a later cell assigns it");
    assertThat(why.get("reader")).contains("it calls Files.readString");
    assertThat(why.get("stamped")).endsWith("it calls Instant.now");
    assertThat(why.get("viaTool")).endsWith("it calls callTool (an Orca built-in)");
    assertThat(why.get("viaStub"))
        .endsWith("it calls callTool (an Orca built-in), in the method github_search");
    assertThat(why.get("one")).endsWith("declared in one statement with other variables");
    assertThat(why.get("worker")).contains("not plain data", "java.lang.Thread", "uses Thread");
    assertThat(why.get("byWord")).endsWith("it reads word, which a later cell assigns");
  }

  @Test
  void checkpoints_dropTheReplayOnceAVariableItReadsChanges() {
    SnippetEngine engine = engine();
    ObjectNode declared =
        run(
            engine,
            "import java.util.regex.*;\nString prefix = \"a\";\nPattern p = Pattern.compile(prefix);");
    assertThat(byName(declared.get("checkpoints")).get("p").has("replay")).isTrue();
    ObjectNode changed = run(engine, "prefix = \"b\";");
    JsonNode p = byName(changed.get("checkpoints")).get("p");
    assertThat(p.has("replay")).isFalse();
    assertThat(p.path("reason").asText()).endsWith("it reads prefix, which a later cell assigns");
    // Immutable values may be used later without spoiling the declaration.
    ObjectNode used =
        run(engine, "Pattern q = Pattern.compile(\"q\");\nq.matcher(\"q\").matches()");
    assertThat(byName(used.get("checkpoints")).get("q").has("replay")).isTrue();
  }

  @Test
  void restore_recomputesPureVariablesAfterWhatTheyReadAndReportsThem() {
    SnippetEngine source = engine();
    run(source, PURE);
    ObjectNode request = source.snapshot();
    // Put isX before base: the replay must still run base first.
    ArrayNode vars = (ArrayNode) request.get("variables");
    JsonNode isX = vars.remove(vars.size() - 1);
    vars.insert(0, isX);

    SnippetEngine target = engine();
    ObjectNode report = target.restore(request);
    assertThat(texts(report.get("restored"))).containsExactly("prefix");
    assertThat(texts(report.get("recomputed")))
        .containsExactly("p", "f", "byPrefix", "doubler", "base", "isX");
    assertThat(report.get("lost")).isEmpty();
    assertThat(value(target, "p.matcher(\"aaa\").matches()")).isEqualTo("true");
    assertThat(value(target, "f.apply(2)")).isEqualTo("3");
    assertThat(value(target, "byPrefix.matcher(\"bb\").matches()")).isEqualTo("true");
    assertThat(value(target, "doubler.applyAsInt(21)")).isEqualTo("42");
    assertThat(value(target, "isX.test(\"xx\")")).isEqualTo("true");
    assertThat(target.variableNameList())
        .containsExactly("isX", "p", "f", "prefix", "byPrefix", "doubler", "base");

    // Saved again from the restored kernel, they are still recomputable.
    Map<String, JsonNode> again = byName(target.snapshot().get("variables"));
    assertThat(again.get("p").has("replay")).isTrue();
    assertThat(again.get("isX").has("replay")).isTrue();
  }

  @Test
  void restore_reportsAFailedReplayLostWithTheReason() {
    ObjectNode request = Channel.object();
    ObjectNode imports = request.putArray("definitions").addObject();
    imports.put("kind", "import");
    imports.put("name", "java.util.regex.*");
    imports.put("source", "import java.util.regex.*;");
    ArrayNode vars = request.putArray("variables");
    vars.add(replay("broken", "Pattern broken = Pattern.compile(\"(\");"));
    vars.add(replay("typo", "Pattern typo = Patern.compile(\"a\");"));
    ObjectNode ghost = vars.addObject();
    ghost.put("name", "ghostText");
    ghost.put("type", "String");
    ghost.put("reason", "it was not checkpointed");
    vars.add(replay("needsGhost", "Pattern needsGhost = Pattern.compile(ghostText);"));
    vars.add(replay("fine", "Pattern fine = Pattern.compile(\"f\");"));

    SnippetEngine target = engine();
    ObjectNode report = target.restore(request);
    assertThat(texts(report.get("recomputed"))).containsExactly("fine");
    Map<String, String> lost = new LinkedHashMap<>();
    report.get("lost").forEach(n -> lost.put(n.path("name").asText(), n.path("reason").asText()));
    assertThat(lost.keySet()).containsExactly("ghostText", "broken", "typo", "needsGhost");
    assertThat(lost.get("broken"))
        .startsWith("its value is not data and recomputing it by replay failed: ")
        .contains("java.util.regex.PatternSyntaxException");
    assertThat(lost.get("typo")).contains("its declaration no longer compiles");
    assertThat(lost.get("needsGhost")).endsWith("it reads ghostText, which was not restored");
    assertThat(target.variableNameList()).containsExactly("fine");
    assertThat(value(target, "fine.pattern()")).isEqualTo("\"f\"");
  }

  private static ObjectNode replay(String name, String source) {
    ObjectNode v = Channel.object();
    v.put("name", name);
    v.put("type", "Pattern");
    v.put("reason", "its value is not plain data (java.util.regex.Pattern)");
    v.put("replay", source);
    return v;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
