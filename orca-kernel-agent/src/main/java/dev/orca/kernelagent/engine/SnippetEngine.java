package dev.orca.kernelagent.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.Channel;
import dev.orca.kernelagent.OutputCapture;
import dev.orca.kernelagent.policy.ClassGuard;
import dev.orca.kernelagent.values.Inspector;
import dev.orca.kernelagent.values.ValueCodec;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * The kernel proper: one JShell whose snippets run in this JVM under a {@link ClassGuard}. Runs
 * cells snippet by snippet, reports results in the cell's own coordinates, keeps track of
 * definitions, captures variable values as JSON for checkpoints, and replays and restores them. Not
 * thread-safe: one thread runs cells; only {@link #stop()} may be called from another.
 */
public final class SnippetEngine implements AutoCloseable {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z_$0-9]*");
  private static final int STACK_FRAMES = 12;

  /** Largest JSON captured for one variable by automatic checkpoints. */
  static final int CHECKPOINT_MAX_CHARS = 8 * 1024 * 1024;

  /** Largest JSON captured for one variable by an explicit snapshot (a saved session). */
  static final int SNAPSHOT_MAX_CHARS = 256 * 1024 * 1024;

  private final JShell jshell;
  private final GuardedExecutionControl control;
  private final SourceCodeAnalysis analysis;
  private final CellSplitter splitter;
  private final OutputCapture stdout;
  private final OutputCapture stderr;
  private final int valueCap;
  private final Set<String> builtinIds = new HashSet<>();
  private final Map<String, SnippetOrigin> origins = new HashMap<>();
  private final VariableRestorer restorer;

  /**
   * Restored variables not declared in JShell yet, by name, in restore order. Declaring a variable
   * costs a compiler run, so a restore decodes every value at once and each variable is declared
   * just before the first cell (or completion) that names it. Until then it is listed, inspected
   * and saved like any other variable.
   */
  private final Map<String, Pending> pending = new LinkedHashMap<>();

  /** Position of each restored variable, so listings keep the restored order. */
  private final Map<String, Integer> restoredOrder = new HashMap<>();

  private volatile boolean stopRequested;
  private int cellCounter;
  private long evaluations;

  private record SnippetOrigin(int cell, int firstLine) {}

  /** A restored variable waiting for its declaration. */
  private static final class Pending {
    final String name;
    final String type;
    final java.lang.reflect.Type genericType;
    final Object value;

    /** The saved JSON, kept while it is known to match the value (until kernel code reads it). */
    String json;

    Pending(
        String name, String type, java.lang.reflect.Type genericType, Object value, String json) {
      this.name = name;
      this.type = type;
      this.genericType = genericType;
      this.value = value;
      this.json = json;
    }
  }

  /**
   * Creates the kernel.
   *
   * @param guard checks every class kernel code defines
   * @param stdout where kernel code's {@code System.out} goes
   * @param stderr where kernel code's {@code System.err} goes
   * @param valueCap cap on a value's text, in characters
   */
  public SnippetEngine(ClassGuard guard, OutputCapture stdout, OutputCapture stderr, int valueCap) {
    this.stdout = stdout;
    this.stderr = stderr;
    this.valueCap = valueCap;
    GuardedExecutionControlProvider provider = new GuardedExecutionControlProvider(guard);
    this.control = provider.control();
    PrintStream out = stdout.printStream();
    PrintStream err = stderr.printStream();
    this.jshell =
        JShell.builder()
            .executionEngine(provider, Map.of())
            .in(new ByteArrayInputStream(new byte[0]))
            .out(out)
            .err(err)
            .build();
    this.analysis = jshell.sourceCodeAnalysis();
    this.splitter = new CellSplitter(analysis);
    this.restorer = new VariableRestorer(jshell, control, this::eval);
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        jshell.addToClasspath(entry);
      }
    }
    for (String source : Startup.SNIPPETS) {
      evalBuiltin(source);
    }
  }

  /** Every JShell evaluation goes through here: each one is a compiler run. */
  private List<SnippetEvent> eval(String source) {
    evaluations++;
    return jshell.eval(source);
  }

  /**
   * How many JShell evaluations (each a compiler run) this engine has made, start-up included. For
   * tests and telemetry.
   */
  public long evaluations() {
    return evaluations;
  }

  private void evalBuiltin(String source) {
    for (SnippetEvent event : eval(source)) {
      builtinIds.add(event.snippet().id());
      if (event.status() == Snippet.Status.REJECTED) {
        throw new IllegalStateException(
            "kernel start-up snippet rejected: "
                + source
                + ": "
                + jshell
                    .diagnostics(event.snippet())
                    .map(d -> d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("; ")));
      }
    }
  }

  /** Extra classpath entries (learned functions) for later cells. */
  public void addToClasspath(String path) {
    jshell.addToClasspath(path);
  }

  /** Asks the running cell to stop. Safe from any thread. */
  public void stop() {
    stopRequested = true;
    jshell.stop();
  }

  /**
   * Runs one cell.
   *
   * @param cell the cell's source
   * @return the protocol form of the result
   */
  public ObjectNode execute(String cell) {
    stopRequested = false;
    stdout.drain();
    stderr.drain();
    int cellNumber = ++cellCounter;
    ObjectNode result = Channel.object();
    List<CellSplitter.Piece> pieces = splitter.split(cell);
    ArrayNode definitions = result.putArray("definitions");
    ArrayNode removed = result.putArray("removedDefinitions");
    Set<String> declaredVars = new HashSet<>();
    String value = null;
    String valueType = null;
    String status = "success";
    declarePendingNamedIn(cell);
    control.takeRefusal();
    for (int k = 0; k < pieces.size(); k++) {
      CellSplitter.Piece piece = pieces.get(k);
      List<SnippetEvent> events = eval(piece.source());
      String refusal = control.takeRefusal();
      if (refusal != null) {
        status = "compile_error";
        result.put("snippetIndex", k);
        ObjectNode d = result.putArray("diagnostics").addObject();
        int[] lc = lineColumn(cell, piece.offset());
        d.put("line", lc[0]);
        d.put("column", lc[1]);
        d.put("message", refusal);
        d.put("code", "orca.sandbox");
        for (SnippetEvent event : events) {
          if (event.causeSnippet() == null && jshell.status(event.snippet()).isActive()) {
            jshell.drop(event.snippet());
          }
        }
        break;
      }
      SnippetEvent main = mainEvent(events);
      if (main == null) {
        continue;
      }
      Snippet snippet = main.snippet();
      origins.put(snippet.id(), new SnippetOrigin(cellNumber, lineOf(cell, piece.offset())));
      for (SnippetEvent event : events) {
        if (event != main
            && (event.status() == Snippet.Status.OVERWRITTEN
                || event.status() == Snippet.Status.DROPPED)) {
          String key = definitionKey(event.snippet());
          if (key != null) {
            removed.add(key);
          }
        }
      }
      if (stopRequested) {
        status = "stopped";
        result.put("snippetIndex", k);
        break;
      }
      if (main.status() == Snippet.Status.REJECTED) {
        status = "compile_error";
        result.put("snippetIndex", k);
        result.set("diagnostics", diagnostics(snippet, cell, piece));
        break;
      }
      if (main.exception() != null) {
        status = "exception";
        result.put("snippetIndex", k);
        result.set("exception", exception(main.exception(), cell));
        break;
      }
      if (!piece.complete()) {
        status = "compile_error";
        result.put("snippetIndex", k);
        ObjectNode d = result.putArray("diagnostics").addObject();
        int[] lc = lineColumn(cell, cell.length());
        d.put("line", lc[0]);
        d.put("column", lc[1]);
        d.put("message", "the cell ends in the middle of a statement (missing ';', ')' or '}'?)");
        d.put("code", "orca.incomplete");
        break;
      }
      String key = definitionKey(snippet);
      if (key != null) {
        ObjectNode def = definitions.addObject();
        def.put("key", key);
        def.put("kind", definitionKind(snippet));
        def.put("name", definitionName(snippet));
        def.put("source", snippet.source());
      }
      if (snippet instanceof VarSnippet && !isTemp(snippet)) {
        declaredVars.add(((VarSnippet) snippet).name());
      }
      value = null;
      valueType = null;
      if (snippet instanceof ExpressionSnippet) {
        value = main.value();
        valueType = ((ExpressionSnippet) snippet).typeName();
      } else if (snippet instanceof VarSnippet && isTemp(snippet)) {
        value = main.value();
        valueType = ((VarSnippet) snippet).typeName();
      }
    }
    result.put("status", status);
    if ("success".equals(status) && value != null) {
      result.put("value", Inspector.cut(value, valueCap));
      result.put("valueTruncated", value.length() > valueCap);
      result.put("valueType", valueType);
    }
    OutputCapture.Captured out = stdout.drain();
    OutputCapture.Captured err = stderr.drain();
    result.put("stdout", out.text());
    result.put("stdoutTruncated", out.truncated());
    result.put("stderr", err.text());
    result.put("stderrTruncated", err.truncated());
    if (!"stopped".equals(status)) {
      // Snippets before a failing one ran and may have changed variables: checkpoint them too.
      result.set("checkpoints", checkpoints(cell, declaredVars));
    }
    ArrayNode names = result.putArray("variableNames");
    for (String name : variableNameList()) {
      names.add(name);
    }
    return result;
  }

  static SnippetEvent mainEvent(List<SnippetEvent> events) {
    for (SnippetEvent event : events) {
      if (event.causeSnippet() == null) {
        return event;
      }
    }
    return events.isEmpty() ? null : events.get(0);
  }

  private ArrayNode diagnostics(Snippet snippet, String cell, CellSplitter.Piece piece) {
    ArrayNode out = Channel.JSON.createArrayNode();
    jshell
        .diagnostics(snippet)
        .filter(Diag::isError)
        .forEach(
            diag -> {
              long pos =
                  diag.getStartPosition() >= 0 ? diag.getStartPosition() : diag.getPosition();
              int cellPos = (int) Math.min(cell.length(), piece.offset() + Math.max(0, pos));
              int[] lc = lineColumn(cell, cellPos);
              ObjectNode d = out.addObject();
              d.put("line", lc[0]);
              d.put("column", lc[1]);
              d.put("message", diag.getMessage(Locale.ROOT));
              d.put("code", diag.getCode());
            });
    if (out.isEmpty()) {
      ObjectNode d = out.addObject();
      int[] lc = lineColumn(cell, piece.offset());
      d.put("line", lc[0]);
      d.put("column", lc[1]);
      String why = snippet.kind() == Snippet.Kind.ERRONEOUS ? "not valid Java" : "rejected";
      d.put("message", "this snippet was " + why + ": " + firstLine(snippet.source()));
      d.put("code", "orca.rejected");
    }
    return out;
  }

  private ObjectNode exception(JShellException ex, String cell) {
    ObjectNode node = Channel.object();
    if (ex instanceof UnresolvedReferenceException) {
      UnresolvedReferenceException ure = (UnresolvedReferenceException) ex;
      node.put("type", "UnresolvedReference");
      node.put(
          "message",
          "'"
              + definitionName(ure.getSnippet())
              + "' cannot be used until what it refers to is declared: "
              + jshell.unresolvedDependencies(ure.getSnippet()).collect(Collectors.joining(", ")));
      node.put("line", 0);
      node.putArray("stack");
      return node;
    }
    String type =
        ex instanceof EvalException
            ? ((EvalException) ex).getExceptionClassName()
            : ex.getClass().getName();
    node.put("type", type);
    node.put("message", ex.getMessage());
    ArrayNode stack = node.putArray("stack");
    int line = 0;
    for (StackTraceElement frame : ex.getStackTrace()) {
      String file = frame.getFileName();
      if (file == null || !file.startsWith("#")) {
        continue;
      }
      SnippetOrigin origin = origins.get(file.substring(1));
      String method = frame.getMethodName();
      String where;
      if (origin != null && origin.cell() == cellCounter) {
        int cellLine = origin.firstLine() + Math.max(0, frame.getLineNumber() - 1);
        if (line == 0) {
          line = cellLine;
        }
        where = "line " + cellLine;
      } else {
        where =
            "line "
                + frame.getLineNumber()
                + (origin != null ? " of cell " + origin.cell() : " of an earlier cell");
      }
      String displayMethod = method.isBlank() || method.startsWith("do_it$") ? "<cell>" : method;
      if (stack.size() < STACK_FRAMES) {
        stack.add(displayMethod + " (" + where + ")");
      }
    }
    Throwable cause = ex.getCause();
    int depth = 0;
    while (cause != null && depth++ < 3) {
      String causeType =
          cause instanceof EvalException
              ? ((EvalException) cause).getExceptionClassName()
              : cause.getClass().getName();
      stack.add(
          "caused by " + causeType + ": " + Inspector.cut(String.valueOf(cause.getMessage()), 300));
      cause = cause.getCause();
    }
    node.put("line", line);
    return node;
  }

  /**
   * Captures variables the cell may have changed: the ones it declared, the ones it names, and the
   * ones named by methods it calls. Large values are skipped (they are kept by saved sessions).
   */
  private ArrayNode checkpoints(String cell, Set<String> declared) {
    ArrayNode out = Channel.JSON.createArrayNode();
    Set<String> touched = namesReachedFrom(cell, false);
    for (VarSnippet var : userVariables()) {
      if (declared.contains(var.name()) || touched.contains(var.name())) {
        out.add(capture(var, CHECKPOINT_MAX_CHARS));
      }
    }
    return out;
  }

  /**
   * The identifiers in {@code source} and, transitively, in the user methods (and, if asked, types)
   * it names: every variable the code may read or change.
   */
  private Set<String> namesReachedFrom(String source, boolean followTypes) {
    Map<String, List<Snippet>> bodies = new HashMap<>();
    jshell
        .methods()
        .forEach(
            m -> {
              if (!builtinIds.contains(m.id()) && jshell.status(m).isActive()) {
                bodies.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
              }
            });
    if (followTypes) {
      jshell
          .types()
          .forEach(
              t -> {
                if (!builtinIds.contains(t.id()) && jshell.status(t).isActive()) {
                  bodies.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
                }
              });
    }
    Set<String> names = identifiers(source);
    Set<String> reached = new HashSet<>(names);
    List<String> todo = new ArrayList<>(names);
    Set<String> visited = new HashSet<>();
    while (!todo.isEmpty()) {
      String name = todo.remove(todo.size() - 1);
      List<Snippet> snippets = bodies.get(name);
      if (snippets != null && visited.add(name)) {
        for (Snippet snippet : snippets) {
          for (String id : identifiers(snippet.source())) {
            if (reached.add(id)) {
              todo.add(id);
            }
          }
        }
      }
    }
    return reached;
  }

  private static Set<String> identifiers(String source) {
    Set<String> names = new HashSet<>();
    Matcher m = IDENTIFIER.matcher(source);
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }

  private ObjectNode capture(VarSnippet var, int maxChars) {
    try {
      return capture(var.name(), var.typeName(), rawValue(var), maxChars);
    } catch (ReflectiveOperationException | RuntimeException | StackOverflowError e) {
      ObjectNode node = Channel.object();
      node.put("name", var.name());
      node.put("type", var.typeName());
      node.put("reason", "its value could not be read (" + e + ")");
      return node;
    }
  }

  private static ObjectNode capture(String name, String type, Object value, int maxChars) {
    ObjectNode node = Channel.object();
    node.put("name", name);
    node.put("type", type);
    try {
      ValueCodec.Encoded encoded = ValueCodec.encode(value, maxChars);
      if (encoded.json() != null) {
        node.put("json", encoded.json());
      } else {
        node.put("reason", encoded.reason());
      }
    } catch (RuntimeException | StackOverflowError e) {
      node.put("reason", "its value could not be read (" + e + ")");
    } catch (OutOfMemoryError e) {
      node.put("reason", "the kernel ran out of memory capturing it");
    }
    return node;
  }

  /**
   * The user's variables declared in JShell, in declaration order, without temporaries and
   * built-ins. Restored variables that no cell has named yet are not among them (see {@link
   * #variableNameList()}).
   */
  public List<VarSnippet> userVariables() {
    return jshell
        .variables()
        .filter(v -> jshell.status(v).isActive())
        .filter(v -> !isTemp(v) && !builtinIds.contains(v.id()))
        .collect(Collectors.toList());
  }

  /** One user variable: declared in JShell, or restored and waiting for its declaration. */
  private record Entry(String name, VarSnippet snippet, Pending pending) {
    String type() {
      return snippet != null ? snippet.typeName() : pending.type;
    }
  }

  /** Every user variable: restored ones first in restored order, then the others as declared. */
  private List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (Pending p : pending.values()) {
      out.add(new Entry(p.name, null, p));
    }
    for (VarSnippet var : userVariables()) {
      if (!pending.containsKey(var.name())) {
        out.add(new Entry(var.name(), var, null));
      }
    }
    if (!restoredOrder.isEmpty()) {
      out.sort(
          Comparator.comparingInt(e -> restoredOrder.getOrDefault(e.name(), Integer.MAX_VALUE)));
    }
    return out;
  }

  private Entry entry(String name) {
    Pending p = pending.get(name);
    if (p != null) {
      return new Entry(name, null, p);
    }
    VarSnippet var = variable(name);
    return var == null ? null : new Entry(name, var, null);
  }

  /** Names of all user variables, in listing order. */
  public List<String> variableNameList() {
    return entries().stream().map(Entry::name).collect(Collectors.toList());
  }

  /** The active variable declared in JShell with this name, or {@code null}. */
  public VarSnippet variable(String name) {
    for (VarSnippet var : userVariables()) {
      if (var.name().equals(name)) {
        return var;
      }
    }
    return null;
  }

  /** The live value of a variable. */
  public Object rawValue(VarSnippet var) throws ReflectiveOperationException {
    String[] location = location(var);
    if (location[0] == null) {
      throw new ReflectiveOperationException("no storage found for variable " + var.name());
    }
    return control.readField(location[0], location[1]);
  }

  /**
   * The live value of a user variable, restored or declared, for kernel code.
   *
   * @throws NoSuchElementException if there is no such variable
   */
  public Object valueOf(String name) throws ReflectiveOperationException {
    Pending p = pending.get(name);
    if (p != null) {
      p.json = null; // kernel code may change the value from now on
      return p.value;
    }
    VarSnippet var = variable(name);
    if (var == null) {
      throw new NoSuchElementException(name);
    }
    return rawValue(var);
  }

  private Object valueOf(Entry e) throws ReflectiveOperationException {
    return e.pending() != null ? e.pending().value : rawValue(e.snippet());
  }

  /** Where JShell keeps a variable: its wrapper class and field name (null when unknown). */
  private String[] location(VarSnippet var) {
    String[] location = new String[2];
    control.startCapture(location);
    try {
      jshell.varValue(var);
    } finally {
      control.endCapture();
    }
    return location;
  }

  /** Variables with types and one-line summaries. */
  public ArrayNode variables() {
    ArrayNode out = Channel.JSON.createArrayNode();
    for (Entry e : entries()) {
      ObjectNode node = out.addObject();
      node.put("name", e.name());
      node.put("type", e.type());
      node.put("summary", summarize(e));
    }
    return out;
  }

  private String summarize(Entry e) {
    try {
      return Inspector.summary(valueOf(e));
    } catch (ReflectiveOperationException | RuntimeException ex) {
      return "<unreadable: " + ex.getClass().getSimpleName() + ">";
    }
  }

  /** A bounded inspection, or {@code null} if no such variable exists. */
  public ObjectNode inspect(String name) {
    Entry e = entry(name);
    if (e == null) {
      return null;
    }
    ObjectNode node = Channel.object();
    node.put("name", e.name());
    node.put("type", e.type());
    try {
      Object value = valueOf(e);
      node.put("runtimeType", value == null ? "null" : value.getClass().getName());
      node.put("summary", Inspector.inspect(value));
    } catch (ReflectiveOperationException | RuntimeException ex) {
      node.put("runtimeType", "unknown");
      node.put("summary", "<unreadable: " + ex + ">");
    }
    return node;
  }

  /** Names of the user's variables, for error messages. */
  public String variableNames() {
    List<String> names = variableNameList();
    if (names.isEmpty()) {
      return "there are no variables yet";
    }
    String joined = String.join(", ", names.subList(0, Math.min(30, names.size())));
    return "variables: " + joined + (names.size() > 30 ? ", …" : "");
  }

  /** Completion candidates at the cursor. */
  public ArrayNode complete(String code, int cursor) {
    declarePendingNamedIn(code);
    ArrayNode out = Channel.JSON.createArrayNode();
    int[] anchor = new int[1];
    int at = Math.max(0, Math.min(cursor, code.length()));
    Set<String> seen = new HashSet<>();
    for (SourceCodeAnalysis.Suggestion s : analysis.completionSuggestions(code, at, anchor)) {
      String candidate =
          code.substring(anchor[0], at).isEmpty() ? s.continuation() : s.continuation();
      if (seen.add(candidate) && out.size() < 200) {
        out.add(candidate);
      }
    }
    return out;
  }

  /** Whether the cell can run as it is. */
  public boolean isComplete(String code) {
    return splitter.isComplete(code);
  }

  /** The kernel's state as data: definitions in order and every variable as JSON. */
  public ObjectNode snapshot() {
    ObjectNode node = Channel.object();
    ArrayNode defs = node.putArray("definitions");
    for (Snippet snippet : activeDefinitions()) {
      ObjectNode def = defs.addObject();
      def.put("kind", definitionKind(snippet));
      def.put("name", definitionName(snippet));
      def.put("source", snippet.source());
    }
    ArrayNode vars = node.putArray("variables");
    for (Entry e : entries()) {
      Pending p = e.pending();
      if (p == null) {
        vars.add(capture(e.snippet(), SNAPSHOT_MAX_CHARS));
      } else if (p.json != null) {
        // Untouched since it was restored: its saved JSON is still exact.
        ObjectNode v = vars.addObject();
        v.put("name", p.name);
        v.put("type", p.type);
        v.put("json", p.json);
      } else {
        vars.add(capture(p.name, p.type, p.value, SNAPSHOT_MAX_CHARS));
      }
    }
    return node;
  }

  private List<Snippet> activeDefinitions() {
    return jshell
        .snippets()
        .filter(s -> !builtinIds.contains(s.id()))
        .filter(s -> jshell.status(s).isActive())
        .filter(s -> definitionKey(s) != null)
        .collect(Collectors.toList());
  }

  /**
   * Replays definitions and restores variables from JSON. Definitions are replayed one by one (each
   * is a compiler run). Variables are restored in batches: one compiler run resolves the types of
   * up to {@value VariableRestorer#GROUP} variables, and their values are decoded on all
   * processors; each variable is declared in JShell when code first names it. The report is exact
   * per variable: one whose type is gone or whose value does not decode is reported lost with the
   * reason and does not affect the others.
   *
   * @param request {@code definitions: [{kind,name,source}]}, {@code variables: [{name,type,json}]}
   * @return {@code replayed}, {@code restored}, {@code lost: [{name, reason}]}
   */
  public ObjectNode restore(JsonNode request) {
    // Values are built outside any snippet evaluation: make snippet classes callable first.
    control.ensureInvoked();
    ObjectNode report = Channel.object();
    ArrayNode replayed = report.putArray("replayed");
    ArrayNode restored = report.putArray("restored");
    ArrayNode lost = report.putArray("lost");
    for (JsonNode def : request.path("definitions")) {
      String source = def.path("source").asText();
      List<SnippetEvent> events = eval(source);
      SnippetEvent main = mainEvent(events);
      if (main != null && main.status() != Snippet.Status.REJECTED) {
        replayed.add(def.path("name").asText());
      } else {
        ObjectNode l = lost.addObject();
        l.put("name", def.path("name").asText());
        l.put("reason", "its definition no longer compiles");
      }
    }
    stdout.drain();
    stderr.drain();
    List<VariableRestorer.Item> items = new ArrayList<>();
    List<VariableRestorer.Item> batch = new ArrayList<>();
    for (JsonNode var : request.path("variables")) {
      String name = var.path("name").asText();
      String type = var.path("type").asText();
      VariableRestorer.Item item =
          new VariableRestorer.Item(
              name, type, var.hasNonNull("json") ? var.get("json").asText() : null);
      items.add(item);
      if (item.json == null) {
        item.failure = var.path("reason").asText("no saved value");
      } else if (!IDENTIFIER.matcher(name).matches()
          || type.isBlank()
          || type.contains("<anonymous")) {
        item.failure = "its type (" + type + ") cannot be written in Java";
      } else if (VariableRestorer.isPlainTypeText(type)) {
        batch.add(item);
      }
    }
    restorer.resolveTypes(batch);
    restorer.decode(batch);
    Set<VariableRestorer.Item> batched = new HashSet<>(batch);
    for (VariableRestorer.Item item : items) {
      if (item.ok()) {
        if (batched.contains(item) && !item.alone) {
          item.failure = keep(item);
        } else {
          // A type the batch cannot write into a generated class: declare it on its own.
          item.failure = restoreVariable(item.name, item.type, item.json);
        }
      }
      if (item.ok()) {
        restored.add(item.name);
        restoredOrder.putIfAbsent(item.name, restoredOrder.size());
      } else {
        ObjectNode l = lost.addObject();
        l.put("name", item.name);
        l.put("reason", item.failure);
      }
    }
    stdout.drain();
    stderr.drain();
    return report;
  }

  /**
   * Keeps a decoded variable until code names it, or declares it now if a variable of that name is
   * already declared (the restored one replaces it, as a declaration would).
   */
  private String keep(VariableRestorer.Item item) {
    Pending p = new Pending(item.name, item.type, item.genericType, item.value, item.json);
    if (variable(item.name) != null) {
      pending.remove(item.name);
      return declare(p);
    }
    pending.remove(item.name);
    pending.put(item.name, p);
    return null;
  }

  /** Declares the restored variables {@code source} may use (see {@link #pending}). */
  private void declarePendingNamedIn(String source) {
    if (pending.isEmpty()) {
      return;
    }
    Set<String> named = namesReachedFrom(source, true);
    List<Pending> due = new ArrayList<>();
    for (Pending p : pending.values()) {
      if (named.contains(p.name)) {
        due.add(p);
      }
    }
    for (Pending p : due) {
      pending.remove(p.name);
      String why = declareSafely(p);
      if (why != null) {
        stderr.printStream().println(couldNotDeclare(p, why));
      }
    }
  }

  private static String couldNotDeclare(Pending p, String why) {
    return "orca: the restored variable " + p.name + " could not be declared: " + why;
  }

  private String declareSafely(Pending p) {
    try {
      return declare(p);
    } catch (RuntimeException e) {
      return "the kernel failed declaring it (" + e + ")";
    }
  }

  /** Declares a restored variable in JShell and stores its value; the reason if it failed. */
  private String declare(Pending p) {
    List<SnippetEvent> events = eval(p.type + " " + p.name + ";");
    SnippetEvent main = mainEvent(events);
    if (main == null
        || main.status() == Snippet.Status.REJECTED
        || !(main.snippet() instanceof VarSnippet)) {
      return "its type " + p.type + " is not available any more";
    }
    VarSnippet var = (VarSnippet) main.snippet();
    String[] where = location(var);
    if (where[0] == null) {
      return "no storage found for it";
    }
    try {
      java.lang.reflect.Type fieldType = control.fieldType(where[0], where[1]);
      Object value = p.value;
      if (!fieldType.equals(p.genericType)) {
        // A type it uses was redefined since the restore: decode again into the new one.
        if (p.json != null) {
          value = ValueCodec.decode(p.json, fieldType);
        }
        String misfit = VariableRestorer.misfit(value, fieldType);
        if (misfit != null) {
          throw new IllegalArgumentException(misfit);
        }
      }
      control.writeField(where[0], where[1], value);
      return null;
    } catch (Exception e) {
      jshell.drop(var);
      return VariableRestorer.doesNotFit(p.type, e);
    }
  }

  /** The one-variable path, for types the batch does not handle: a declaration, then the value. */
  private String restoreVariable(String name, String type, String json) {
    List<SnippetEvent> events = eval(type + " " + name + ";");
    SnippetEvent main = mainEvent(events);
    if (main == null
        || main.status() == Snippet.Status.REJECTED
        || !(main.snippet() instanceof VarSnippet)) {
      return "its type " + type + " is not available any more";
    }
    VarSnippet var = (VarSnippet) main.snippet();
    String[] where = location(var);
    if (where[0] == null) {
      return "no storage found for it";
    }
    try {
      Object value = ValueCodec.decode(json, control.fieldType(where[0], where[1]));
      control.writeField(where[0], where[1], value);
      pending.remove(name);
      return null;
    } catch (Exception e) {
      jshell.drop(var);
      return VariableRestorer.doesNotFit(type, e);
    }
  }

  private static boolean isTemp(Snippet snippet) {
    return snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
  }

  private static String definitionKey(Snippet snippet) {
    if (snippet instanceof ImportSnippet) {
      ImportSnippet imp = (ImportSnippet) snippet;
      return "import:" + (imp.isStatic() ? "static " : "") + imp.fullname();
    }
    if (snippet instanceof MethodSnippet) {
      MethodSnippet m = (MethodSnippet) snippet;
      return "method:" + m.name() + "(" + m.parameterTypes() + ")";
    }
    if (snippet instanceof TypeDeclSnippet) {
      return "type:" + ((TypeDeclSnippet) snippet).name();
    }
    return null;
  }

  private static String definitionKind(Snippet snippet) {
    if (snippet instanceof ImportSnippet) {
      return "import";
    }
    return snippet instanceof MethodSnippet ? "method" : "type";
  }

  private static String definitionName(Snippet snippet) {
    if (snippet instanceof ImportSnippet) {
      return ((ImportSnippet) snippet).fullname();
    }
    if (snippet instanceof jdk.jshell.DeclarationSnippet) {
      return ((jdk.jshell.DeclarationSnippet) snippet).name();
    }
    return firstLine(snippet.source());
  }

  private static String firstLine(String source) {
    String line = source.strip().lines().findFirst().orElse("");
    return Inspector.cut(line, 80);
  }

  private static int lineOf(String text, int offset) {
    return lineColumn(text, offset)[0];
  }

  private static int[] lineColumn(String text, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }

  @Override
  public void close() {
    jshell.close();
  }
}
