package dev.orca.kernelagent.engine;

import dev.orca.kernelagent.values.Inspector;
import java.util.List;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;

/**
 * What a snippet is, in the protocol's terms: its definition key ({@code import:…}, {@code
 * method:name(types)}, {@code type:Name}, or none for variables, statements and expressions), its
 * kind and its name.
 */
final class Snippets {
  private Snippets() {}

  /** The event of the snippet an evaluation was about (not of those it changed). */
  static SnippetEvent mainEvent(List<SnippetEvent> events) {
    for (SnippetEvent event : events) {
      if (event.causeSnippet() == null) {
        return event;
      }
    }
    return events.isEmpty() ? null : events.get(0);
  }

  /** Whether it is JShell's {@code $1}-style variable holding an expression's value. */
  static boolean isTemp(Snippet snippet) {
    return snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
  }

  /** The key that identifies a replayable definition, or {@code null} if it is none. */
  static String definitionKey(Snippet snippet) {
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

  /** {@code import}, {@code method} or {@code type}. */
  static String definitionKind(Snippet snippet) {
    if (snippet instanceof ImportSnippet) {
      return "import";
    }
    return snippet instanceof MethodSnippet ? "method" : "type";
  }

  /** The defined name (for imports, the imported name; else the first line of the source). */
  static String definitionName(Snippet snippet) {
    if (snippet instanceof ImportSnippet) {
      return ((ImportSnippet) snippet).fullname();
    }
    if (snippet instanceof DeclarationSnippet) {
      return ((DeclarationSnippet) snippet).name();
    }
    return firstLine(snippet.source());
  }

  /** The first line of a source, cut to 80 characters. */
  static String firstLine(String source) {
    String line = source.strip().lines().findFirst().orElse("");
    return Inspector.cut(line, 80);
  }
}
