package dev.orca.kernelagent.engine;

import dev.orca.kernelagent.OutputCapture;
import dev.orca.kernelagent.values.ValueCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * Restored variables not declared in JShell yet, by name, in restore order. Declaring a variable
 * costs a compiler run, so a restore decodes every value at once and each variable is declared just
 * before the first cell (or completion) that names it. Until then it is listed, inspected and saved
 * like any other variable.
 *
 * <p>While the kernel is idle, waiting variables are also declared one at a time ({@link
 * #declareNextQuietly()}), so that later cells do not pay for them. A variable declared that way
 * keeps its saved JSON for snapshots until a cell names it or kernel code reads it, exactly as a
 * waiting one does; one whose quiet declaration fails stays waiting, so the cell that names it
 * reports why.
 */
final class PendingVariables {
  private final Shell shell;
  private final UserSnippets user;
  private final OutputCapture stderr;
  private final Map<String, Pending> pending = new LinkedHashMap<>();

  /**
   * Saved JSON of variables declared quietly, while no cell has named them and no code read them.
   */
  private final Map<String, String> quietJson = new HashMap<>();

  /** Waiting variables whose quiet declaration failed: left for the cell that names them. */
  private final Set<String> quietFailures = new HashSet<>();

  /** Position of each restored variable, so listings keep the restored order. */
  private final Map<String, Integer> restoredOrder = new HashMap<>();

  /** A restored variable waiting for its declaration. */
  static final class Pending {
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

  PendingVariables(Shell shell, UserSnippets user, OutputCapture stderr) {
    this.shell = shell;
    this.user = user;
    this.stderr = stderr;
  }

  /** The waiting variable with this name, or {@code null}. */
  Pending get(String name) {
    return pending.get(name);
  }

  /** Whether a variable of this name is waiting. */
  boolean contains(String name) {
    return pending.containsKey(name);
  }

  /** The waiting variables, in restore order. */
  Collection<Pending> all() {
    return pending.values();
  }

  /** Forgets a waiting variable (it was declared some other way). */
  void remove(String name) {
    pending.remove(name);
    quietJson.remove(name);
  }

  /**
   * The saved JSON of a variable declared quietly that no cell has named and no code has read
   * since, or {@code null}: it still matches the value, so a snapshot need not encode it again.
   */
  String untouchedJson(String name) {
    return quietJson.get(name);
  }

  /** Kernel code read a quietly declared variable: its value may change from now on. */
  void readByCode(String name) {
    quietJson.remove(name);
  }

  /** Whether a waiting variable has not been tried by {@link #declareNextQuietly()} yet. */
  boolean anyToDeclareQuietly() {
    for (String name : pending.keySet()) {
      if (!quietFailures.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Declares the first waiting variable (in restore order) not tried yet, for an idle kernel. It
   * prints nothing: if the declaration fails, the variable stays waiting and the cell that names it
   * reports why.
   *
   * @return whether variables are left for later calls
   */
  boolean declareNextQuietly() {
    for (Pending p : pending.values()) {
      if (quietFailures.contains(p.name)) {
        continue;
      }
      if (declareSafely(p) == null) {
        pending.remove(p.name);
        if (p.json != null) {
          quietJson.put(p.name, p.json);
        }
      } else {
        quietFailures.add(p.name);
      }
      return anyToDeclareQuietly();
    }
    return false;
  }

  /** Remembers a restored variable's position for listings (the first restore of a name wins). */
  void markRestored(String name) {
    restoredOrder.putIfAbsent(name, restoredOrder.size());
  }

  /** The listing position of a restored variable, or {@link Integer#MAX_VALUE}. */
  int restoredPosition(String name) {
    return restoredOrder.getOrDefault(name, Integer.MAX_VALUE);
  }

  /** Whether any variable was restored. */
  boolean anyRestored() {
    return !restoredOrder.isEmpty();
  }

  /**
   * Keeps a decoded variable until code names it, or declares it now if a variable of that name is
   * already declared (the restored one replaces it, as a declaration would).
   *
   * @return why it failed, or {@code null}
   */
  String keep(VariableRestorer.Item item) {
    Pending p = new Pending(item.name, item.type, item.genericType, item.value, item.json);
    quietJson.remove(item.name);
    quietFailures.remove(item.name);
    if (user.variable(item.name) != null) {
      pending.remove(item.name);
      return declare(p);
    }
    pending.remove(item.name);
    pending.put(item.name, p);
    return null;
  }

  /** Declares the waiting variables {@code source} may use. */
  void declareNamedIn(String source) {
    if (pending.isEmpty() && quietJson.isEmpty()) {
      return;
    }
    Set<String> named = user.namesReachedFrom(source, true);
    quietJson.keySet().removeAll(named);
    List<Pending> due = new ArrayList<>();
    for (Pending p : pending.values()) {
      if (named.contains(p.name)) {
        due.add(p);
      }
    }
    for (Pending p : due) {
      pending.remove(p.name);
      quietFailures.remove(p.name);
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
    List<SnippetEvent> events = shell.eval(p.type + " " + p.name + ";");
    SnippetEvent main = Snippets.mainEvent(events);
    if (main == null
        || main.status() == Snippet.Status.REJECTED
        || !(main.snippet() instanceof VarSnippet)) {
      return "its type " + p.type + " is not available any more";
    }
    VarSnippet var = (VarSnippet) main.snippet();
    String[] where = shell.location(var);
    if (where[0] == null) {
      return "no storage found for it";
    }
    try {
      java.lang.reflect.Type fieldType = shell.control.fieldType(where[0], where[1]);
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
      shell.control.writeField(where[0], where[1], value);
      return null;
    } catch (Exception e) {
      shell.jshell.drop(var);
      return VariableRestorer.doesNotFit(p.type, e);
    }
  }
}
