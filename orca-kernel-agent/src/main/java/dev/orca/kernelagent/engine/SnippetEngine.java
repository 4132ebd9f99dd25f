package dev.orca.kernelagent.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.Channel;
import dev.orca.kernelagent.OutputCapture;
import dev.orca.kernelagent.policy.ClassGuard;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * The kernel proper: one JShell whose snippets run in this JVM under a {@link ClassGuard}. Runs
 * cells snippet by snippet, reports results in the cell's own coordinates, keeps track of
 * definitions, captures variable values as JSON for checkpoints, and replays and restores them. Not
 * thread-safe: one thread runs cells; only {@link #stop()} may be called from another.
 *
 * <p>The work is done by package-private parts: {@link CellRunner} (cells), {@link ErrorRenderer}
 * (diagnostics and exceptions), {@link UserSnippets} (definitions and names), {@link Variables}
 * (listing and inspection), {@link Checkpoints} (values as JSON), {@link SessionRestore} with
 * {@link VariableRestorer} and {@link PendingVariables} (restore).
 */
public final class SnippetEngine implements AutoCloseable {
  private final Shell shell;
  private final SourceCodeAnalysis analysis;
  private final CellSplitter splitter;
  private final UserSnippets user;
  private final PendingVariables pending;
  private final Variables variables;
  private final Checkpoints checkpoints;
  private final SessionRestore restore;
  private final CellRunner runner;

  /**
   * Creates the kernel.
   *
   * @param guard checks every class kernel code defines
   * @param stdout where kernel code's {@code System.out} goes
   * @param stderr where kernel code's {@code System.err} goes
   * @param valueCap cap on a value's text, in characters
   */
  public SnippetEngine(ClassGuard guard, OutputCapture stdout, OutputCapture stderr, int valueCap) {
    GuardedExecutionControlProvider provider = new GuardedExecutionControlProvider(guard);
    JShell jshell =
        JShell.builder()
            .executionEngine(provider, Map.of())
            .in(new ByteArrayInputStream(new byte[0]))
            .out(stdout.printStream())
            .err(stderr.printStream())
            .build();
    this.shell = new Shell(jshell, provider.control());
    this.analysis = jshell.sourceCodeAnalysis();
    this.splitter = new CellSplitter(analysis);
    this.user = new UserSnippets(shell);
    this.pending = new PendingVariables(shell, user, stderr);
    this.variables = new Variables(shell, user, pending);
    VariableHistory history = new VariableHistory();
    this.checkpoints =
        new Checkpoints(shell, user, variables, new PurityCheck(shell, user, variables, history));
    this.restore =
        new SessionRestore(
            shell, pending, new Replays(shell, user, pending, history), stdout, stderr);
    this.runner =
        new CellRunner(
            shell,
            splitter,
            user,
            pending,
            variables,
            checkpoints,
            history,
            stdout,
            stderr,
            valueCap);
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        jshell.addToClasspath(entry);
      }
    }
    for (String source : Startup.SNIPPETS) {
      user.evalBuiltin(source);
    }
  }

  /**
   * How many JShell evaluations (each a compiler run) this engine has made, start-up included. For
   * tests and telemetry.
   */
  public long evaluations() {
    return shell.evaluations();
  }

  /** Extra classpath entries (learned functions) for later cells. */
  public void addToClasspath(String path) {
    shell.jshell.addToClasspath(path);
  }

  /** Asks the running cell to stop. Safe from any thread. */
  public void stop() {
    runner.stop();
  }

  /**
   * Runs one cell.
   *
   * @param cell the cell's source
   * @return the protocol form of the result
   */
  public ObjectNode execute(String cell) {
    return runner.execute(cell);
  }

  /**
   * The user's variables declared in JShell, in declaration order, without temporaries and
   * built-ins. Restored variables that no cell has named yet are not among them (see {@link
   * #variableNameList()}).
   */
  public List<VarSnippet> userVariables() {
    return user.variables();
  }

  /** Names of all user variables, in listing order. */
  public List<String> variableNameList() {
    return variables.names();
  }

  /** The active variable declared in JShell with this name, or {@code null}. */
  public VarSnippet variable(String name) {
    return user.variable(name);
  }

  /** The live value of a variable. */
  public Object rawValue(VarSnippet var) throws ReflectiveOperationException {
    return shell.read(var);
  }

  /**
   * The live value of a user variable, restored or declared, for kernel code.
   *
   * @throws NoSuchElementException if there is no such variable
   */
  public Object valueOf(String name) throws ReflectiveOperationException {
    return variables.valueOf(name);
  }

  /** Variables with types and one-line summaries. */
  public ArrayNode variables() {
    return variables.list();
  }

  /** A bounded inspection, or {@code null} if no such variable exists. */
  public ObjectNode inspect(String name) {
    return variables.inspect(name);
  }

  /** Names of the user's variables, for error messages. */
  public String variableNames() {
    return variables.describeNames();
  }

  /** Completion candidates at the cursor. */
  public ArrayNode complete(String code, int cursor) {
    pending.declareNamedIn(code);
    ArrayNode out = Channel.JSON.createArrayNode();
    int[] anchor = new int[1];
    int at = Math.max(0, Math.min(cursor, code.length()));
    Set<String> seen = new HashSet<>();
    for (SourceCodeAnalysis.Suggestion s : analysis.completionSuggestions(code, at, anchor)) {
      String candidate = s.continuation();
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

  /**
   * The kernel's state as data: definitions in order and every variable as JSON; a variable whose
   * value is not data has a {@code reason} and, when its declaration is pure (see {@link
   * PurityCheck}), that declaration's source as {@code replay}.
   */
  public ObjectNode snapshot() {
    return checkpoints.snapshot();
  }

  /**
   * Replays definitions and restores variables from JSON. Definitions are replayed one by one (each
   * is a compiler run). Variables are restored in batches: one compiler run resolves the types of
   * up to {@value VariableRestorer#GROUP} variables, and their values are decoded on all
   * processors; each variable is declared in JShell when code first names it. The report is exact
   * per variable: one whose type is gone or whose value does not decode is reported lost with the
   * reason and does not affect the others. A variable saved without a value but with a pure
   * declaration ({@code replay}, see {@link PurityCheck}) is recomputed by running that declaration
   * again, after the definitions and the variables restored from data, and after the variables it
   * reads; if that fails it is reported lost with the reason.
   *
   * @param request {@code definitions: [{kind,name,source}]}, {@code variables:
   *     [{name,type,json|reason,replay?}]}
   * @return {@code replayed}, {@code restored} (from data), {@code recomputed} (by replay), {@code
   *     lost: [{name, reason}]}
   */
  public ObjectNode restore(JsonNode request) {
    return restore.restore(request);
  }

  /**
   * Declares one restored variable that no cell has named yet (in restore order), so that later
   * cells do not pay a compiler run for it. The kernel calls this between requests while it is
   * idle. A variable whose declaration fails here stays waiting, and the cell that names it says
   * why.
   *
   * @return whether restored variables are left to declare this way
   */
  public boolean declareOneRestored() {
    return pending.declareNextQuietly();
  }

  /** Whether {@link #declareOneRestored()} has work left. */
  public boolean anyRestoredToDeclare() {
    return pending.anyToDeclareQuietly();
  }

  @Override
  public void close() {
    shell.jshell.close();
  }
}
