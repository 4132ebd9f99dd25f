package dev.orca.kernelagent.engine;

import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * The engine's JShell and its execution control, the one path every evaluation takes (each is a
 * compiler run, so they are counted), and where a variable's value lives.
 */
final class Shell {
  final JShell jshell;
  final GuardedExecutionControl control;
  private long evaluations;

  Shell(JShell jshell, GuardedExecutionControl control) {
    this.jshell = jshell;
    this.control = control;
  }

  /** Evaluates one snippet. */
  List<SnippetEvent> eval(String source) {
    evaluations++;
    return jshell.eval(source);
  }

  /** How many evaluations this shell has made. */
  long evaluations() {
    return evaluations;
  }

  /** Where JShell keeps a variable: its wrapper class and field name (null when unknown). */
  String[] location(VarSnippet var) {
    String[] location = new String[2];
    control.startCapture(location);
    try {
      jshell.varValue(var);
    } finally {
      control.endCapture();
    }
    return location;
  }

  /** The live value of a variable declared in JShell. */
  Object read(VarSnippet var) throws ReflectiveOperationException {
    String[] location = location(var);
    if (location[0] == null) {
      throw new ReflectiveOperationException("no storage found for variable " + var.name());
    }
    return control.readField(location[0], location[1]);
  }
}
