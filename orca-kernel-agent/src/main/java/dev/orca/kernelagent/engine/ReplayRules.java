package dev.orca.kernelagent.engine;

import dev.orca.kernelagent.api.Orca;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a replayable declaration may not use: Orca's built-ins (they call the host: tools,
 * sub-agents, sessions, code generation), I/O, processes, networking, threads, reflection and the
 * environment, and anything random or time-dependent. Checked by name, so a name that merely looks
 * like one of these (a local variable called {@code now}) also counts: false alarms only cost a
 * replay, a missed effect would repeat it.
 */
final class ReplayRules {
  private ReplayRules() {}

  /** The built-ins kernel code calls unqualified (all have effects or depend on the host). */
  static final Set<String> BUILTINS = builtins();

  /** Member names that read the clock, randomness or the environment, or have effects. */
  static final Set<String> MEMBERS =
      Set.of(
          "now",
          "currentTimeMillis",
          "nanoTime",
          "random",
          "randomUUID",
          "getenv",
          "getProperty",
          "getProperties",
          "setProperty",
          "exit",
          "halt",
          "exec",
          "forName",
          "setAccessible",
          "getRuntime",
          "systemDefault",
          "systemDefaultZone",
          "getDefault",
          "setDefault",
          "defaultCharset",
          "identityHashCode",
          "availableProcessors",
          "loadLibrary",
          "sleep",
          "interrupt");

  private static final List<String> PACKAGES =
      List.of(
          "java.io",
          "java.nio.file",
          "java.nio.channels",
          "java.net",
          "javax.net",
          "java.lang.reflect",
          "java.lang.invoke",
          "java.lang.management",
          "java.sql",
          "javax.sql",
          "java.rmi",
          "javax.script",
          "java.util.logging",
          "java.util.prefs",
          "java.util.jar",
          "java.util.zip",
          "java.util.random",
          "java.awt",
          "javax.swing",
          "javax.sound",
          "java.security",
          "javax.crypto",
          "jdk",
          "sun",
          "com.sun");

  private static final Set<String> CLASSES =
      Set.of(
          "java.lang.Thread",
          "java.lang.ThreadGroup",
          "java.lang.ThreadLocal",
          "java.lang.InheritableThreadLocal",
          "java.lang.Runtime",
          "java.lang.System",
          "java.lang.Process",
          "java.lang.ProcessBuilder",
          "java.lang.ProcessHandle",
          "java.lang.ClassLoader",
          "java.lang.ModuleLayer",
          "java.util.Random",
          "java.util.SplittableRandom",
          "java.util.Timer",
          "java.util.TimerTask",
          "java.util.Scanner",
          "java.util.ServiceLoader",
          "java.time.Clock",
          "java.time.InstantSource");

  /** Why a JDK class may not be used in a replayable declaration, or {@code null}. */
  static String deniedClass(Class<?> c) {
    String name = c.getName();
    String pkg = c.getPackageName();
    if (CLASSES.contains(name) || Thread.class.isAssignableFrom(c)) {
      return "threads, processes, the clock, randomness or the environment";
    }
    for (String p : PACKAGES) {
      if (pkg.equals(p) || pkg.startsWith(p + ".")) {
        return "I/O, networking, reflection or other effects (" + pkg + ")";
      }
    }
    if (pkg.equals("java.util.concurrent")
        && c.getSimpleName()
            .matches(
                ".*(Executor|Future|ForkJoin|Thread|Timer|Schedul|Semaphore|Latch|Phaser"
                    + "|Exchanger|Barrier|Lock).*")) {
      return "concurrency";
    }
    return null;
  }

  private static Set<String> builtins() {
    Set<String> names = new HashSet<>();
    names.add("Orca");
    for (Method m : Orca.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == Orca.class) {
        names.add(m.getName());
      }
    }
    return Set.copyOf(names);
  }
}
