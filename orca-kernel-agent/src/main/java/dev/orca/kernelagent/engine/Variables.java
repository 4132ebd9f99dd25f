package dev.orca.kernelagent.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.Channel;
import dev.orca.kernelagent.values.Inspector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import jdk.jshell.VarSnippet;

/**
 * The user's variables as the kernel shows them: declared in JShell or restored and still waiting
 * for their declaration, listed, summarized, inspected and read by name.
 */
final class Variables {
  private final Shell shell;
  private final UserSnippets user;
  private final PendingVariables pending;

  /** One user variable: declared in JShell, or restored and waiting for its declaration. */
  record Entry(String name, VarSnippet snippet, PendingVariables.Pending pending) {
    String type() {
      return snippet != null ? snippet.typeName() : pending.type;
    }
  }

  Variables(Shell shell, UserSnippets user, PendingVariables pending) {
    this.shell = shell;
    this.user = user;
    this.pending = pending;
  }

  /** Every user variable: restored ones first in restored order, then the others as declared. */
  List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (PendingVariables.Pending p : pending.all()) {
      out.add(new Entry(p.name, null, p));
    }
    for (VarSnippet var : user.variables()) {
      if (!pending.contains(var.name())) {
        out.add(new Entry(var.name(), var, null));
      }
    }
    if (pending.anyRestored()) {
      out.sort(Comparator.comparingInt(e -> pending.restoredPosition(e.name())));
    }
    return out;
  }

  /** The variable with this name, or {@code null}. */
  Entry entry(String name) {
    PendingVariables.Pending p = pending.get(name);
    if (p != null) {
      return new Entry(name, null, p);
    }
    VarSnippet var = user.variable(name);
    return var == null ? null : new Entry(name, var, null);
  }

  /** Names of all user variables, in listing order. */
  List<String> names() {
    return entries().stream().map(Entry::name).collect(Collectors.toList());
  }

  /**
   * The live value of a user variable, restored or declared, for kernel code.
   *
   * @throws NoSuchElementException if there is no such variable
   */
  Object valueOf(String name) throws ReflectiveOperationException {
    PendingVariables.Pending p = pending.get(name);
    if (p != null) {
      p.json = null; // kernel code may change the value from now on
      return p.value;
    }
    VarSnippet var = user.variable(name);
    if (var == null) {
      throw new NoSuchElementException(name);
    }
    pending.readByCode(name); // kernel code may change the value from now on
    return shell.read(var);
  }

  /** The saved JSON of a quietly declared, untouched restored variable, or {@code null}. */
  String untouchedJson(String name) {
    return pending.untouchedJson(name);
  }

  /** The live value of a variable, without marking a waiting one as read by kernel code. */
  Object valueOf(Entry e) throws ReflectiveOperationException {
    return e.pending() != null ? e.pending().value : shell.read(e.snippet());
  }

  /** Variables with types and one-line summaries. */
  ArrayNode list() {
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
  ObjectNode inspect(String name) {
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
  String describeNames() {
    List<String> names = names();
    if (names.isEmpty()) {
      return "there are no variables yet";
    }
    String joined = String.join(", ", names.subList(0, Math.min(30, names.size())));
    return "variables: " + joined + (names.size() > 30 ? ", …" : "");
  }
}
