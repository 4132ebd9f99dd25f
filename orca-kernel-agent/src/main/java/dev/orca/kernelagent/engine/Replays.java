package dev.orca.kernelagent.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.values.Inspector;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jshell.Diag;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * The last step of a restore: recomputes variables whose values were not data by running their
 * (pure, see {@link PurityCheck}) declarations again, after the definitions and the variables
 * restored from data, each after the variables it reads. One that reads a variable that did not
 * come back, or whose declaration no longer compiles or throws, is reported lost with the reason.
 */
final class Replays {
  private final Shell shell;
  private final UserSnippets user;
  private final PendingVariables pending;
  private final VariableHistory history;

  /**
   * A variable to recompute.
   *
   * @param name its name
   * @param source its declaration
   */
  record Candidate(String name, String source) {}

  Replays(Shell shell, UserSnippets user, PendingVariables pending, VariableHistory history) {
    this.shell = shell;
    this.user = user;
    this.pending = pending;
    this.history = history;
  }

  /**
   * Replays the candidates in dependency order.
   *
   * @param candidates the variables to recompute, in saved order
   * @param saved the names of every saved variable
   * @param restored the names restored from data (grows with each one recomputed)
   * @param recomputed receives the names recomputed
   * @param lost receives {@code {name, reason}} for each one that could not be
   */
  void run(
      List<Candidate> candidates,
      Set<String> saved,
      Set<String> restored,
      ArrayNode recomputed,
      ArrayNode lost) {
    Map<String, Candidate> waiting = new LinkedHashMap<>();
    Map<String, Set<String>> reads = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      waiting.put(c.name(), c);
      Set<String> names = new HashSet<>(user.namesReachedFrom(c.source(), true));
      names.retainAll(saved);
      names.remove(c.name());
      reads.put(c.name(), names);
    }
    boolean progress = true;
    while (progress && !waiting.isEmpty()) {
      progress = false;
      for (Candidate c : List.copyOf(waiting.values())) {
        String missing = null;
        boolean later = false;
        for (String dep : reads.get(c.name())) {
          if (restored.contains(dep)) {
            continue;
          }
          if (waiting.containsKey(dep)) {
            later = true;
          } else {
            missing = dep;
            break;
          }
        }
        if (missing == null && later) {
          continue;
        }
        waiting.remove(c.name());
        progress = true;
        String why = missing != null ? "it reads " + missing + ", which was not restored" : run(c);
        if (why == null) {
          recomputed.add(c.name());
          restored.add(c.name());
        } else {
          lose(lost, c.name(), why);
        }
      }
    }
    for (Candidate c : waiting.values()) {
      lose(lost, c.name(), "it reads variables that read it in turn");
    }
  }

  private static void lose(ArrayNode lost, String name, String why) {
    ObjectNode l = lost.addObject();
    l.put("name", name);
    l.put("reason", "its value is not data and recomputing it by replay failed: " + why);
  }

  /** Runs one declaration; why it failed, or {@code null}. */
  private String run(Candidate c) {
    pending.declareNamedIn(c.source());
    shell.control.takeRefusal();
    List<SnippetEvent> events = shell.eval(c.source());
    String refusal = shell.control.takeRefusal();
    SnippetEvent main = Snippets.mainEvent(events);
    if (refusal != null) {
      drop(events);
      return "the sandbox refuses its declaration (" + refusal + ")";
    }
    if (main == null || main.status() == Snippet.Status.REJECTED) {
      String diag =
          main == null
              ? ""
              : shell
                  .jshell
                  .diagnostics(main.snippet())
                  .filter(Diag::isError)
                  .map(d -> ": " + d.getMessage(Locale.ROOT))
                  .findFirst()
                  .orElse("");
      return "its declaration no longer compiles" + Inspector.cut(diag, 200);
    }
    if (!(main.snippet() instanceof VarSnippet)
        || !((VarSnippet) main.snippet()).name().equals(c.name())) {
      drop(events);
      return "its saved declaration does not declare it";
    }
    if (main.exception() != null) {
      drop(events);
      String message = main.exception().getMessage();
      return "its declaration threw "
          + ErrorRenderer.className(main.exception())
          + (message == null ? "" : ": " + Inspector.cut(message, 200));
    }
    history.record(c.source(), events, user.namesReachedFrom(c.source(), true));
    return null;
  }

  private void drop(List<SnippetEvent> events) {
    for (SnippetEvent event : events) {
      if (event.causeSnippet() == null && shell.jshell.status(event.snippet()).isActive()) {
        shell.jshell.drop(event.snippet());
      }
    }
  }
}
