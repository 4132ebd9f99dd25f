package dev.orca.skills.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.kernel.SandboxMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every value kind saved from a real kernel and loaded into a fresh one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionRoundTripIT {
  @TempDir static Path dir;
  private Kernel source;
  private Kernel target;

  /** Cell that defines the value, and a check that is {@code true} only for the same value. */
  private static final Map<String, String[]> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put(
        "person",
        new String[] {
          "record Person(String name, int age, List<String> tags) {}\n"
              + "Person person = new Person(\"Ada\", 36, List.of(\"math\", \"code\"));",
          "person.equals(new Person(\"Ada\", 36, List.of(\"math\", \"code\")))"
        });
    VALUES.put(
        "people",
        new String[] {
          "List<Person> people = new ArrayList<>(List.of(new Person(\"Bo\", 20, List.of()),"
              + " new Person(\"Cy\", 41, List.of(\"x\"))));",
          "people.size() == 2 && people.get(1).age() == 41 && people.get(1).tags().equals(List.of(\"x\"))"
        });
    VALUES.put(
        "xs",
        new String[] {
          "List<Integer> xs = new ArrayList<>(List.of(3, 1, 2));", "xs.equals(List.of(3, 1, 2))"
        });
    VALUES.put(
        "tags",
        new String[] {
          "Set<String> tags = new TreeSet<>(Set.of(\"b\", \"a\"));",
          "tags.equals(Set.of(\"a\", \"b\"))"
        });
    VALUES.put(
        "index",
        new String[] {
          "Map<String, List<Integer>> index = new HashMap<>(Map.of(\"a\", List.of(1, 2), \"b\", List.of()));",
          "index.equals(Map.of(\"a\", List.of(1, 2), \"b\", List.of()))"
        });
    VALUES.put(
        "counts",
        new String[] {
          "Map<Integer, Long> counts = new TreeMap<>(Map.of(1, 10L, 2, 20L));",
          "counts.get(2) == 20L && counts.keySet().equals(Set.of(1, 2))"
        });
    VALUES.put(
        "arr", new String[] {"int[] arr = {5, 6, 7};", "Arrays.equals(arr, new int[] {5, 6, 7})"});
    VALUES.put(
        "names",
        new String[] {
          "String[] names = {\"x\", null, \"z\"};",
          "Arrays.equals(names, new String[] {\"x\", null, \"z\"})"
        });
    VALUES.put(
        "grid",
        new String[] {
          "double[][] grid = {{1.5, 2}, {3, 4}};", "grid[0][0] == 1.5 && grid[1][1] == 4.0"
        });
    VALUES.put(
        "text",
        new String[] {
          "String text = \"héllo \\\"quoted\\\"\\n\\ttab \\u2603\";",
          "text.equals(\"héllo \\\"quoted\\\"\\n\\ttab \\u2603\")"
        });
    VALUES.put("big", new String[] {"long big = 9_000_000_000L;", "big == 9_000_000_000L"});
    VALUES.put("ratio", new String[] {"double ratio = 0.1 + 0.2;", "ratio == 0.1 + 0.2"});
    VALUES.put("flag", new String[] {"boolean flag = true;", "flag"});
    VALUES.put("letter", new String[] {"char letter = 'q';", "letter == 'q'"});
    VALUES.put(
        "money",
        new String[] {
          "BigDecimal money = new BigDecimal(\"12345678901234567890.123456789\");",
          "money.equals(new BigDecimal(\"12345678901234567890.123456789\"))"
        });
    VALUES.put(
        "huge",
        new String[] {
          "BigInteger huge = BigInteger.TWO.pow(200);", "huge.equals(BigInteger.TWO.pow(200))"
        });
    VALUES.put(
        "day",
        new String[] {
          "LocalDate day = LocalDate.of(2026, 11, 26);", "day.equals(LocalDate.of(2026, 11, 26))"
        });
    VALUES.put(
        "at",
        new String[] {
          "Instant at = Instant.parse(\"2026-11-26T10:15:30.123Z\");",
          "at.equals(Instant.parse(\"2026-11-26T10:15:30.123Z\"))"
        });
    VALUES.put(
        "meeting",
        new String[] {
          "LocalDateTime meeting = LocalDateTime.of(2026, 1, 2, 3, 4, 5);",
          "meeting.equals(LocalDateTime.of(2026, 1, 2, 3, 4, 5))"
        });
    VALUES.put(
        "sales",
        new String[] {
          "Table sales = Table.create(\"sales\", StringColumn.create(\"region\", \"north\", \"so,uth\"),"
              + " IntColumn.create(\"units\", 10, 20), DoubleColumn.create(\"price\", 1.5, 2.25),"
              + " DateColumn.create(\"day\", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)));",
          "sales.rowCount() == 2 && sales.name().equals(\"sales\")"
              + " && sales.getString(1, \"region\").equals(\"so,uth\")"
              + " && sales.intColumn(\"units\").get(1) == 20"
              + " && sales.doubleColumn(\"price\").get(1) == 2.25"
              + " && sales.dateColumn(\"day\").get(1).equals(LocalDate.of(2026, 2, 1))"
              + " && sales.column(\"units\").type() == ColumnType.INTEGER"
        });
  }

  @BeforeAll
  void start() throws Exception {
    Path ws = Files.createDirectories(dir.resolve("workspace"));
    source = JShellKernel.start(KernelOptions.defaults(ws).withSandbox(SandboxMode.OFF));
    target = JShellKernel.start(KernelOptions.defaults(ws).withSandbox(SandboxMode.OFF));
  }

  @AfterAll
  void stop() {
    source.close();
    target.close();
  }

  private static void ok(Kernel k, String code) {
    ExecutionResult r = k.execute(code);
    assertThat(r).as("%s -> %s", code, r).isInstanceOf(ExecutionResult.Success.class);
  }

  private static String value(Kernel k, String code) {
    ExecutionResult r = k.execute(code);
    assertThat(r).as("%s -> %s", code, r).isInstanceOf(ExecutionResult.Success.class);
    return ((ExecutionResult.Success) r).value();
  }

  /** One cell that evaluates every check, so a failure names the variable. */
  private static String checks() {
    StringBuilder sb = new StringBuilder("var checks = new LinkedHashMap<String, Boolean>();\n");
    VALUES.forEach(
        (name, v) ->
            sb.append("checks.put(\"").append(name).append("\", ").append(v[1]).append(");\n"));
    return sb.append("checks").toString();
  }

  private static String allTrue() {
    StringBuilder sb = new StringBuilder("{");
    VALUES
        .keySet()
        .forEach(name -> sb.append(sb.length() > 1 ? ", " : "").append(name).append("=true"));
    return sb.append("}").toString();
  }

  @Test
  void saveThenLoad_restoresEveryValueKindIntoAFreshKernel() {
    ok(source, "int twice(int x) { return 2 * x; }");
    StringBuilder defs = new StringBuilder();
    VALUES.values().forEach(v -> defs.append(v[0]).append("\n"));
    ok(source, defs.toString());
    assertThat(value(source, checks())).as("checks before save").isEqualTo(allTrue());
    ok(source, "checks = null;");
    ok(source, "Thread worker = new Thread(() -> {});");

    SessionService service = SessionService.of(new SessionStore(dir.resolve("sessions")));
    SaveReport saved = service.save("kinds", source);
    assertThat(saved.manifest().variable("sales").how()).isEqualTo(VariableStorage.TABLE_CSV);
    assertThat(dir.resolve("sessions/kinds/values/sales.csv")).exists();
    assertThat(saved.manifest().variable("worker").how()).isEqualTo(VariableStorage.NOT_RESTORABLE);

    LoadReport report = service.loadInto("kinds", target);
    assertThat(value(target, checks())).as("checks after load").isEqualTo(allTrue());
    assertThat(value(target, "twice(21)")).isEqualTo("42");
    List<String> restored =
        report.variables().stream()
            .filter(LoadReport.VariableOutcome::restored)
            .map(LoadReport.VariableOutcome::name)
            .toList();
    assertThat(restored).containsAll(VALUES.keySet());
    LoadReport.VariableOutcome worker =
        report.variables().stream()
            .filter(o -> o.name().equals("worker"))
            .findFirst()
            .orElseThrow();
    assertThat(worker.restored()).isFalse();
    assertThat(worker.how()).startsWith("not restorable").contains("Thread");
  }

  @Test
  void saveThenLoad_recomputesPureDeclarationsByReplayAndSaysWhyOthersAreLost() {
    ok(
        source,
        String.join(
            "\n",
            "import java.util.regex.*;",
            "var p = Pattern.compile(\"a+\");",
            "Function<Integer, Integer> inc = x -> x + 1;",
            "Supplier<String> reader = () -> { try { return Files.readString(Path.of(\"x\")); }"
                + " catch (Exception e) { return \"\"; } };",
            "Pattern moved = Pattern.compile(\"m\");"));
    ok(source, "moved = Pattern.compile(\"n\");");

    SessionService service = SessionService.of(new SessionStore(dir.resolve("sessions-replay")));
    SaveReport saved = service.save("replay", source);
    assertThat(saved.manifest().variable("p").how()).isEqualTo(VariableStorage.REPLAY);
    assertThat(saved.manifest().variable("inc").how()).isEqualTo(VariableStorage.REPLAY);
    assertThat(saved.manifest().variable("reader").how()).isEqualTo(VariableStorage.NOT_RESTORABLE);

    LoadReport report = service.loadInto("replay", target);
    Map<String, String> how = new LinkedHashMap<>();
    report.variables().forEach(o -> how.put(o.name(), o.how()));
    assertThat(how.get("p")).isEqualTo("recomputed by replay");
    assertThat(how.get("inc")).isEqualTo("recomputed by replay");
    assertThat(how.get("reader"))
        .startsWith("not restorable: its value is not plain data")
        .contains("its declaration is not pure: it calls Files.readString");
    assertThat(how.get("moved")).endsWith("a later cell assigns it");
    assertThat(value(target, "p.matcher(\"aaa\").matches()")).isEqualTo("true");
    assertThat(value(target, "inc.apply(41)")).isEqualTo("42");
  }

  @Test
  void checkpointer_followsARealKernelCellByCell() {
    SessionStore store = new SessionStore(dir.resolve("sessions-auto"));
    SessionCheckpointer cp = new SessionCheckpointer(store, "auto", List::of);
    String[] cells = {
      "int a1 = 1;", "List<Integer> ys = new ArrayList<>();", "ys.add(a1); a1 = 5;"
    };
    for (String cell : cells) {
      cp.beforeCell(cell);
      SessionCheckpointer.Checkpoint c = cp.afterCell(source, source.execute(cell));
      assertThat(c.error()).isNull();
      assertThat(c.written()).isTrue();
    }
    SessionService.of(store).loadInto("auto", target);
    assertThat(value(target, "a1")).isEqualTo("5");
    assertThat(value(target, "ys")).isEqualTo("[1]");
    assertThat(store.running("auto")).isEmpty();
  }
}
