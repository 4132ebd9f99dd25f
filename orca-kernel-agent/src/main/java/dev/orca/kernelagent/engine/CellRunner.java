package dev.orca.kernelagent.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.Channel;
import dev.orca.kernelagent.OutputCapture;
import dev.orca.kernelagent.values.Inspector;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * Runs cells: splits a cell into snippets, evaluates them in order until one fails, and builds the
 * protocol's reply (status, value, output, definitions made and removed, checkpoints, variable
 * names).
 */
final class CellRunner {
  private final Shell shell;
  private final CellSplitter splitter;
  private final ErrorRenderer errors;
  private final UserSnippets user;
  private final VariableHistory history;
  private final PendingVariables pending;
  private final Variables variables;
  private final Checkpoints checkpoints;
  private final OutputCapture stdout;
  private final OutputCapture stderr;
  private final int valueCap;

  private volatile boolean stopRequested;
  private int cellCounter;

  CellRunner(
      Shell shell,
      CellSplitter splitter,
      UserSnippets user,
      PendingVariables pending,
      Variables variables,
      Checkpoints checkpoints,
      VariableHistory history,
      OutputCapture stdout,
      OutputCapture stderr,
      int valueCap) {
    this.shell = shell;
    this.splitter = splitter;
    this.errors = new ErrorRenderer(shell.jshell);
    this.user = user;
    this.history = history;
    this.pending = pending;
    this.variables = variables;
    this.checkpoints = checkpoints;
    this.stdout = stdout;
    this.stderr = stderr;
    this.valueCap = valueCap;
  }

  /** Asks the running cell to stop. Safe from any thread. */
  void stop() {
    stopRequested = true;
    shell.jshell.stop();
  }

  /** See {@link SnippetEngine#execute(String)}. */
  ObjectNode execute(String cell) {
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
    pending.declareNamedIn(cell);
    shell.control.takeRefusal();
    for (int k = 0; k < pieces.size(); k++) {
      CellSplitter.Piece piece = pieces.get(k);
      List<SnippetEvent> events = shell.eval(piece.source());
      String refusal = shell.control.takeRefusal();
      if (refusal != null) {
        status = "compile_error";
        result.put("snippetIndex", k);
        ErrorRenderer.diagnostic(
            result.putArray("diagnostics"), cell, piece.offset(), refusal, "orca.sandbox");
        for (SnippetEvent event : events) {
          if (event.causeSnippet() == null && shell.jshell.status(event.snippet()).isActive()) {
            shell.jshell.drop(event.snippet());
          }
        }
        break;
      }
      SnippetEvent main = Snippets.mainEvent(events);
      if (main == null) {
        continue;
      }
      Snippet snippet = main.snippet();
      errors.recordOrigin(snippet, cellNumber, cell, piece.offset());
      if (main.status() != Snippet.Status.REJECTED) {
        history.record(piece.source(), events, user.namesReachedFrom(piece.source(), true));
      }
      for (SnippetEvent event : events) {
        if (event != main
            && (event.status() == Snippet.Status.OVERWRITTEN
                || event.status() == Snippet.Status.DROPPED)) {
          String key = Snippets.definitionKey(event.snippet());
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
        result.set("diagnostics", errors.diagnostics(snippet, cell, piece));
        break;
      }
      if (main.exception() != null) {
        status = "exception";
        result.put("snippetIndex", k);
        result.set("exception", errors.exception(main.exception(), cellCounter));
        break;
      }
      if (!piece.complete()) {
        status = "compile_error";
        result.put("snippetIndex", k);
        ErrorRenderer.diagnostic(
            result.putArray("diagnostics"),
            cell,
            cell.length(),
            "the cell ends in the middle of a statement (missing ';', ')' or '}'?)",
            "orca.incomplete");
        break;
      }
      String key = Snippets.definitionKey(snippet);
      if (key != null) {
        ObjectNode def = definitions.addObject();
        def.put("key", key);
        def.put("kind", Snippets.definitionKind(snippet));
        def.put("name", Snippets.definitionName(snippet));
        def.put("source", snippet.source());
      }
      if (snippet instanceof VarSnippet && !Snippets.isTemp(snippet)) {
        declaredVars.add(((VarSnippet) snippet).name());
      }
      value = null;
      valueType = null;
      if (snippet instanceof ExpressionSnippet) {
        value = main.value();
        valueType = ((ExpressionSnippet) snippet).typeName();
      } else if (snippet instanceof VarSnippet && Snippets.isTemp(snippet)) {
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
      result.set("checkpoints", checkpoints.after(cell, declaredVars));
    }
    ArrayNode names = result.putArray("variableNames");
    for (String name : variables.names()) {
      names.add(name);
    }
    return result;
  }
}
