package dev.orca.kernelagent.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * The user's snippets as opposed to the kernel's start-up ones: the active variables and
 * definitions, and the names that code reaches through the user's methods and types.
 */
final class UserSnippets {
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z_$0-9]*");

  private final Shell shell;
  private final JShell jshell;
  private final Set<String> builtinIds = new HashSet<>();

  UserSnippets(Shell shell) {
    this.shell = shell;
    this.jshell = shell.jshell;
  }

  /** Evaluates a start-up snippet and remembers it as the kernel's own. */
  void evalBuiltin(String source) {
    for (SnippetEvent event : shell.eval(source)) {
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

  /**
   * The user's variables declared in JShell, in declaration order, without temporaries and
   * built-ins.
   */
  List<VarSnippet> variables() {
    return jshell
        .variables()
        .filter(v -> jshell.status(v).isActive())
        .filter(v -> !Snippets.isTemp(v) && !builtinIds.contains(v.id()))
        .collect(Collectors.toList());
  }

  /** The active variable declared in JShell with this name, or {@code null}. */
  VarSnippet variable(String name) {
    for (VarSnippet var : variables()) {
      if (var.name().equals(name)) {
        return var;
      }
    }
    return null;
  }

  /** The user's active imports, methods and types, in the order they were made. */
  List<Snippet> activeDefinitions() {
    return jshell
        .snippets()
        .filter(s -> !builtinIds.contains(s.id()))
        .filter(s -> jshell.status(s).isActive())
        .filter(s -> Snippets.definitionKey(s) != null)
        .collect(Collectors.toList());
  }

  /**
   * The identifiers in {@code source} and, transitively, in the user methods (and, if asked, types)
   * it names: every variable the code may read or change.
   */
  Set<String> namesReachedFrom(String source, boolean followTypes) {
    Map<String, List<Snippet>> bodies = definitionsByName(followTypes);
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

  /**
   * The user's active methods (and, if asked, types) by name; overloads share a name.
   *
   * @param withTypes whether to include types
   */
  Map<String, List<Snippet>> definitionsByName(boolean withTypes) {
    Map<String, List<Snippet>> bodies = new HashMap<>();
    jshell
        .methods()
        .forEach(
            m -> {
              if (!builtinIds.contains(m.id()) && jshell.status(m).isActive()) {
                bodies.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
              }
            });
    if (withTypes) {
      jshell
          .types()
          .forEach(
              t -> {
                if (!builtinIds.contains(t.id()) && jshell.status(t).isActive()) {
                  bodies.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
                }
              });
    }
    return bodies;
  }

  /** Every active import, the kernel's own included. */
  List<ImportSnippet> imports() {
    return jshell.imports().filter(i -> jshell.status(i).isActive()).collect(Collectors.toList());
  }

  /** Every identifier-like word in a source. */
  static Set<String> identifiers(String source) {
    Set<String> names = new HashSet<>();
    Matcher m = IDENTIFIER.matcher(source);
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }
}
