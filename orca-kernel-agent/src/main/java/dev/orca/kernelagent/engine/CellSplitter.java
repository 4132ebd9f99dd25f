package dev.orca.kernelagent.engine;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Splits a cell into the snippets JShell evaluates one at a time, remembering where each starts in
 * the cell so that diagnostics and stack traces can be reported in the cell's own coordinates.
 */
final class CellSplitter {

  /**
   * One snippet of a cell.
   *
   * @param source the snippet's source as JShell will evaluate it
   * @param offset where it starts in the cell (0-based char index)
   * @param complete whether JShell considers it complete (an incomplete tail is still evaluated, to
   *     get the compiler's diagnostics)
   */
  record Piece(String source, int offset, boolean complete) {}

  private final SourceCodeAnalysis analysis;

  CellSplitter(SourceCodeAnalysis analysis) {
    this.analysis = analysis;
  }

  List<Piece> split(String cell) {
    List<Piece> pieces = new ArrayList<>();
    int offset = 0;
    while (offset < cell.length()) {
      int start = skipBlank(cell, offset);
      if (start >= cell.length()) {
        break;
      }
      String rest = cell.substring(start);
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      Completeness completeness = info.completeness();
      if (completeness == Completeness.EMPTY) {
        break;
      }
      if (!completeness.isComplete()) {
        pieces.add(new Piece(rest, start, false));
        break;
      }
      String source = info.source();
      int consumed = rest.length() - info.remaining().length();
      if (consumed <= 0) {
        pieces.add(new Piece(rest, start, true));
        break;
      }
      pieces.add(new Piece(source, start, true));
      offset = start + consumed;
    }
    return pieces;
  }

  /** Whether the whole cell is complete (every snippet, including the last). */
  boolean isComplete(String cell) {
    String rest = cell;
    while (true) {
      String trimmed = rest.strip();
      if (trimmed.isEmpty()) {
        return true;
      }
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(trimmed);
      Completeness completeness = info.completeness();
      if (completeness == Completeness.EMPTY) {
        return true;
      }
      if (completeness == Completeness.DEFINITELY_INCOMPLETE
          || completeness == Completeness.CONSIDERED_INCOMPLETE) {
        return false;
      }
      if (!completeness.isComplete() || info.remaining().length() >= trimmed.length()) {
        return true;
      }
      rest = info.remaining();
    }
  }

  private static int skipBlank(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
