package dev.orca.kernelagent.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.Channel;
import dev.orca.kernelagent.values.Inspector;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Renders what went wrong in a cell in the cell's own coordinates: compiler diagnostics, sandbox
 * refusals, an incomplete last statement, and exceptions whose stack frames are mapped back to the
 * cell (and line) each snippet came from.
 */
final class ErrorRenderer {
  private static final int STACK_FRAMES = 12;

  private final JShell jshell;
  private final Map<String, SnippetOrigin> origins = new HashMap<>();

  private record SnippetOrigin(int cell, int firstLine) {}

  ErrorRenderer(JShell jshell) {
    this.jshell = jshell;
  }

  /** Remembers that a snippet starts at {@code offset} of cell number {@code cellNumber}. */
  void recordOrigin(Snippet snippet, int cellNumber, String cell, int offset) {
    origins.put(snippet.id(), new SnippetOrigin(cellNumber, lineOf(cell, offset)));
  }

  /** A diagnostic at a position of the cell, as the protocol writes it. */
  static ObjectNode diagnostic(
      ArrayNode into, String cell, int offset, String message, String code) {
    ObjectNode d = into.addObject();
    int[] lc = lineColumn(cell, offset);
    d.put("line", lc[0]);
    d.put("column", lc[1]);
    d.put("message", message);
    d.put("code", code);
    return d;
  }

  /** The compiler's errors for a rejected snippet (at least one). */
  ArrayNode diagnostics(Snippet snippet, String cell, CellSplitter.Piece piece) {
    ArrayNode out = Channel.JSON.createArrayNode();
    jshell
        .diagnostics(snippet)
        .filter(Diag::isError)
        .forEach(
            diag -> {
              long pos =
                  diag.getStartPosition() >= 0 ? diag.getStartPosition() : diag.getPosition();
              int cellPos = (int) Math.min(cell.length(), piece.offset() + Math.max(0, pos));
              diagnostic(out, cell, cellPos, diag.getMessage(Locale.ROOT), diag.getCode());
            });
    if (out.isEmpty()) {
      String why = snippet.kind() == Snippet.Kind.ERRONEOUS ? "not valid Java" : "rejected";
      diagnostic(
          out,
          cell,
          piece.offset(),
          "this snippet was " + why + ": " + Snippets.firstLine(snippet.source()),
          "orca.rejected");
    }
    return out;
  }

  /** An exception thrown by a snippet of cell number {@code currentCell}. */
  ObjectNode exception(JShellException ex, int currentCell) {
    ObjectNode node = Channel.object();
    if (ex instanceof UnresolvedReferenceException) {
      UnresolvedReferenceException ure = (UnresolvedReferenceException) ex;
      node.put("type", "UnresolvedReference");
      node.put(
          "message",
          "'"
              + Snippets.definitionName(ure.getSnippet())
              + "' cannot be used until what it refers to is declared: "
              + jshell.unresolvedDependencies(ure.getSnippet()).collect(Collectors.joining(", ")));
      node.put("line", 0);
      node.putArray("stack");
      return node;
    }
    node.put("type", className(ex));
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
      if (origin != null && origin.cell() == currentCell) {
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
      stack.add(
          "caused by "
              + className(cause)
              + ": "
              + Inspector.cut(String.valueOf(cause.getMessage()), 300));
      cause = cause.getCause();
    }
    node.put("line", line);
    return node;
  }

  /** The class name of the user's exception (not JShell's wrapper). */
  static String className(Throwable ex) {
    return ex instanceof EvalException
        ? ((EvalException) ex).getExceptionClassName()
        : ex.getClass().getName();
  }

  static int lineOf(String text, int offset) {
    return lineColumn(text, offset)[0];
  }

  static int[] lineColumn(String text, int offset) {
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
}
