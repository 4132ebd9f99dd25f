package dev.orca.kernelagent.engine;

import dev.orca.kernelagent.policy.ClassGuard;
import dev.orca.kernelagent.policy.PolicyViolation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's in-process execution engine, run inside the kernel JVM, with two additions: every class
 * kernel code defines passes the {@link ClassGuard} before it is loaded, and variables can be read
 * and written as live objects (for inspection and checkpoints, which never leave this JVM as
 * objects).
 */
final class GuardedExecutionControl extends LocalExecutionControl {
  private final ClassGuard guard;
  private final ThreadLocal<String[]> captureLocation = new ThreadLocal<>();
  private volatile String refusal;
  private volatile List<String> loadedNames;
  private volatile boolean invoked;

  GuardedExecutionControl(ClassGuard guard) {
    this.guard = guard;
  }

  @Override
  public void load(ClassBytecodes[] cbcs)
      throws ClassInstallException, NotImplementedException, EngineTerminationException {
    super.load(checked(cbcs));
  }

  @Override
  public void redefine(ClassBytecodes[] cbcs)
      throws ClassInstallException, NotImplementedException, EngineTerminationException {
    super.redefine(checked(cbcs));
  }

  private ClassBytecodes[] checked(ClassBytecodes[] cbcs) throws ClassInstallException {
    List<String> names = loadedNames;
    if (names != null) {
      for (ClassBytecodes cbc : cbcs) {
        names.add(cbc.name());
      }
    }
    ClassBytecodes[] out = new ClassBytecodes[cbcs.length];
    for (int i = 0; i < cbcs.length; i++) {
      try {
        out[i] =
            new ClassBytecodes(cbcs[i].name(), guard.apply(cbcs[i].name(), cbcs[i].bytecodes()));
      } catch (PolicyViolation e) {
        refusal = e.getMessage();
        throw new PolicyRefusal(e.getMessage(), new boolean[cbcs.length]);
      }
    }
    return out;
  }

  /**
   * The sandbox's refusal of the last snippet's classes, cleared by reading it. JShell swallows a
   * refused class load (it marks the class not loaded), so the engine asks here after every eval.
   */
  String takeRefusal() {
    String r = refusal;
    refusal = null;
    return r;
  }

  /** A class refused by the sandbox policy. */
  static final class PolicyRefusal extends ClassInstallException {
    private static final long serialVersionUID = 1L;

    PolicyRefusal(String message, boolean[] installed) {
      super(message, installed);
    }
  }

  @Override
  public String varValue(String className, String varName)
      throws RunException, EngineTerminationException, InternalException {
    String[] capture = captureLocation.get();
    if (capture != null) {
      capture[0] = className;
      capture[1] = varName;
      return "";
    }
    return super.varValue(className, varName);
  }

  /** Makes the next {@link #varValue} on this thread record where the variable lives. */
  void startCapture(String[] location) {
    captureLocation.set(location);
  }

  /** Ends a capture started by {@link #startCapture}. */
  void endCapture() {
    captureLocation.remove();
  }

  /** Starts recording the binary names of the classes JShell loads or redefines. */
  void startLoadCapture() {
    loadedNames = new CopyOnWriteArrayList<>();
  }

  /** Ends a recording started by {@link #startLoadCapture} and returns the names it saw. */
  List<String> endLoadCapture() {
    List<String> names = loadedNames;
    loadedNames = null;
    return names == null ? List.of() : names;
  }

  @Override
  protected String invoke(Method doitMethod) throws Exception {
    invoked = true;
    return super.invoke(doitMethod);
  }

  /**
   * Makes snippet classes callable before any snippet has run. Since JDK 22, JShell instruments
   * snippet code with stop checks that call a class ({@code REPL.$Cancel$}) it defines only on its
   * first invocation; code that calls a snippet class before that (a restore constructing records
   * the session defined) would fail with {@code NoClassDefFoundError: REPL/$Cancel$}. One empty
   * invocation defines it. Cheap and harmless on older JDKs.
   */
  void ensureInvoked() {
    if (invoked) {
      return;
    }
    try {
      Method nothing = GuardedExecutionControl.class.getDeclaredMethod("nothing");
      nothing.setAccessible(true);
      invoke(nothing);
    } catch (Exception e) {
      throw new IllegalStateException("could not prepare the kernel for snippet classes", e);
    }
  }

  @SuppressWarnings("unused") // invoked reflectively by ensureInvoked
  private static void nothing() {}

  /** A class kernel code defined, by its binary name. */
  Class<?> snippetClass(String binaryName) throws ClassNotFoundException {
    return findClass(binaryName);
  }

  /** Reads a variable's live value. */
  Object readField(String className, String varName) throws ReflectiveOperationException {
    Field field = findClass(className).getDeclaredField(varName);
    field.setAccessible(true);
    return field.get(null);
  }

  /** Writes a variable's live value. */
  void writeField(String className, String varName, Object value)
      throws ReflectiveOperationException {
    Field field = findClass(className).getDeclaredField(varName);
    field.setAccessible(true);
    field.set(null, value);
  }

  /** The generic type of a variable's field, for restoring JSON into it. */
  java.lang.reflect.Type fieldType(String className, String varName)
      throws ReflectiveOperationException {
    return findClass(className).getDeclaredField(varName).getGenericType();
  }
}
