package dev.orca.kernelagent.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supertypes of a referenced class, so that a rule on a member follows it into subclasses (a
 * call to {@code start()} through a subclass of {@code Thread} is still {@code Thread.start}).
 * Library and JDK classes are looked up without initialising them; snippet classes from the headers
 * the guard has seen.
 */
final class Hierarchy {

  private final ClassLoader loader;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();
  private final Map<String, List<String>> snippetSupers = new ConcurrentHashMap<>();

  Hierarchy(ClassLoader loader) {
    this.loader = loader;
  }

  /** Records a snippet class's direct supertypes (superclass first). */
  void recordSnippet(String name, String superName, String[] interfaces) {
    List<String> supers = new ArrayList<>();
    if (superName != null) {
      supers.add(superName);
    }
    supers.addAll(List.of(interfaces));
    snippetSupers.put(name, supers);
  }

  /** The class itself followed by all its supertypes, nearest first. */
  List<String> chain(String owner) {
    if (owner.startsWith("[")) {
      return List.of(owner, "java/lang/Object");
    }
    if (TypeRules.isSnippet(owner)) {
      Set<String> out = new LinkedHashSet<>();
      out.add(owner);
      for (String s : snippetSupers.getOrDefault(owner, List.of())) {
        out.addAll(chain(s));
      }
      return new ArrayList<>(out);
    }
    return cache.computeIfAbsent(owner, this::load);
  }

  private List<String> load(String owner) {
    Set<String> out = new LinkedHashSet<>();
    out.add(owner);
    try {
      Class<?> c = Class.forName(owner.replace('/', '.'), false, loader);
      collect(c, out);
    } catch (ClassNotFoundException | LinkageError e) {
      // Unknown here: the rules of the named class alone apply.
    }
    return List.copyOf(out);
  }

  private static void collect(Class<?> c, Set<String> out) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      out.add(k.getName().replace('.', '/'));
      for (Class<?> i : k.getInterfaces()) {
        collectInterface(i, out);
      }
    }
  }

  private static void collectInterface(Class<?> i, Set<String> out) {
    if (out.add(i.getName().replace('.', '/'))) {
      for (Class<?> s : i.getInterfaces()) {
        collectInterface(s, out);
      }
    }
  }
}
