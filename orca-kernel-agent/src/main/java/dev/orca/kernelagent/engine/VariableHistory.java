package dev.orca.kernelagent.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * What each evaluated snippet did to names, in order, so that a variable's declaration can be
 * judged replayable later: when each variable was declared, and when each name was last assigned
 * (or, for a method or type, redefined) and last named, directly or through the user's methods and
 * types.
 */
final class VariableHistory {
  private long step;
  private final Map<String, Long> declaredAt = new HashMap<>();
  private final Set<String> sharedDeclarations = new HashSet<>();
  private final Map<String, Long> lastChanged = new HashMap<>();
  private final Map<String, Long> lastNamed = new HashMap<>();

  /**
   * Records one evaluation that ran (or started running).
   *
   * @param source the evaluated source
   * @param events its events
   * @param reached the names it reaches (see {@link UserSnippets#namesReachedFrom})
   */
  void record(String source, List<SnippetEvent> events, Set<String> reached) {
    long now = ++step;
    int declarations = 0;
    for (SnippetEvent event : events) {
      Snippet snippet = event.snippet();
      if (event.causeSnippet() != null || event.status() == Snippet.Status.REJECTED) {
        continue;
      }
      if (snippet instanceof VarSnippet && !Snippets.isTemp(snippet)) {
        declaredAt.put(snippet.id(), now);
        declarations++;
      } else if (snippet instanceof DeclarationSnippet) {
        lastChanged.put(((DeclarationSnippet) snippet).name(), now);
      }
    }
    if (declarations > 1) {
      for (SnippetEvent event : events) {
        if (event.snippet() instanceof VarSnippet) {
          sharedDeclarations.add(event.snippet().id());
        }
      }
    }
    for (String name : SourceText.assignedNames(SourceText.code(source))) {
      lastChanged.put(name, now);
    }
    for (String name : reached) {
      lastNamed.put(name, now);
    }
  }

  /** When a variable snippet was declared, or {@code null} if not by a recorded evaluation. */
  Long declaredAt(VarSnippet var) {
    return declaredAt.get(var.id());
  }

  /** Whether a variable was declared in one statement with others ({@code int a = 1, b = 2;}). */
  boolean sharedDeclaration(VarSnippet var) {
    return sharedDeclarations.contains(var.id());
  }

  /** Whether {@code name} was assigned or redefined after {@code at}. */
  boolean changedAfter(String name, long at) {
    return lastChanged.getOrDefault(name, 0L) > at;
  }

  /** Whether {@code name} was named (directly or through methods) after {@code at}. */
  boolean namedAfter(String name, long at) {
    return lastNamed.getOrDefault(name, 0L) > at;
  }
}
