package dev.orca.kernelagent.engine;

import dev.orca.kernelagent.values.Inspector;
import dev.orca.kernelagent.values.ValueCodec;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;

/**
 * The batch half of a restore: resolves the declared types of many saved variables with one JShell
 * evaluation (a throwaway class with one static field per variable, so the types are resolved
 * exactly as a {@code TYPE name;} declaration would resolve them) and decodes their JSON values on
 * all processors. A group whose class does not compile is narrowed by the compiler's diagnostics;
 * variables that cannot be told apart that way are checked one by one, so one bad variable never
 * costs the others.
 */
final class VariableRestorer {
  private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

  /** Largest group resolved by one evaluation. */
  static final int GROUP = 64;

  /** Evaluations spent narrowing a failing group before falling back to one per variable. */
  private static final int NARROWING_ROUNDS = 3;

  private final JShell jshell;
  private final GuardedExecutionControl control;
  private final Function<String, List<SnippetEvent>> eval;
  private final AtomicInteger classCounter = new AtomicInteger();

  /** The sandbox's refusal of the last class {@link #tryResolve} compiled, or null. */
  private String lastRefusal;

  /** One saved variable on its way back. */
  static final class Item {
    final String name;
    final String type;
    final String json;
    Type genericType;
    Object value;
    String failure;

    /** Its type compiled but could not be read back: restore it the one-by-one way instead. */
    boolean alone;

    Item(String name, String type, String json) {
      this.name = name;
      this.type = type;
      this.json = json;
    }

    boolean ok() {
      return failure == null;
    }
  }

  VariableRestorer(
      JShell jshell, GuardedExecutionControl control, Function<String, List<SnippetEvent>> eval) {
    this.jshell = jshell;
    this.control = control;
    this.eval = eval;
  }

  /**
   * Whether a saved type can go into a generated declaration: a type name (with type arguments,
   * wildcards and array brackets) on one line, and nothing else.
   */
  static boolean isPlainTypeText(String type) {
    if (type.isBlank()
        || type.length() > 2000
        || !Character.isJavaIdentifierStart(type.charAt(0))) {
      return false;
    }
    int depth = 0;
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        if (--depth < 0) {
          return false;
        }
      } else if (!Character.isJavaIdentifierPart(c) && ".[]?, ".indexOf(c) < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  /** Sets each item's {@link Item#genericType} or its {@link Item#failure}. */
  void resolveTypes(List<Item> items) {
    for (int from = 0; from < items.size(); from += GROUP) {
      resolveGroup(items.subList(from, Math.min(items.size(), from + GROUP)));
    }
  }

  private void resolveGroup(List<Item> group) {
    List<Item> remaining = new ArrayList<>(group);
    for (int round = 0; round < NARROWING_ROUNDS; round++) {
      if (remaining.isEmpty()) {
        return;
      }
      Set<Item> bad = new HashSet<>();
      Outcome outcome = tryResolve(remaining, bad);
      if (outcome == Outcome.RESOLVED) {
        return;
      }
      if (outcome == Outcome.UNREADABLE) {
        break;
      }
      if (bad.isEmpty()) {
        if (remaining.size() == 1) {
          remaining.get(0).failure = failedAlone(remaining.get(0));
          return;
        }
        break;
      }
      for (Item item : bad) {
        item.failure = typeGone(item);
      }
      remaining.removeAll(bad);
    }
    // The compiler's diagnostics did not say which ones fail: check the rest one by one.
    for (Item item : remaining) {
      Outcome outcome = tryResolve(List.of(item), new HashSet<>());
      if (outcome == Outcome.FAILED) {
        item.failure = failedAlone(item);
      } else if (outcome == Outcome.UNREADABLE) {
        item.alone = true;
      }
    }
  }

  /** What compiling a class of types did. */
  private enum Outcome {
    /** Every item has its generic type. */
    RESOLVED,
    /** The class did not compile or was refused. */
    FAILED,
    /** The class compiled, but its fields could not be read back. */
    UNREADABLE
  }

  /** Why an item whose class just failed on its own is lost. */
  private String failedAlone(Item item) {
    return lastRefusal != null
        ? "the sandbox refuses its type " + item.type + ": " + lastRefusal
        : typeGone(item);
  }

  private static String typeGone(Item item) {
    return "its type " + item.type + " is not available any more";
  }

  /**
   * Compiles one class with a static field per item. On success sets the items' generic types; on
   * failure adds the items the diagnostics point at to {@code bad}.
   */
  private Outcome tryResolve(List<Item> items, Set<Item> bad) {
    String simpleName = "$OrcaRestoreTypes" + classCounter.incrementAndGet();
    StringBuilder src = new StringBuilder("class ").append(simpleName).append(" {\n");
    for (int i = 0; i < items.size(); i++) {
      src.append("static ").append(items.get(i).type).append(" f").append(i).append(";\n");
    }
    src.append("}");
    String source = src.toString();
    control.takeRefusal();
    control.startLoadCapture();
    List<SnippetEvent> events;
    List<String> loaded;
    try {
      events = eval.apply(source);
    } finally {
      loaded = control.endLoadCapture();
    }
    String refusal = control.takeRefusal();
    lastRefusal = refusal;
    SnippetEvent main = Snippets.mainEvent(events);
    Snippet snippet = main == null ? null : main.snippet();
    try {
      if (main != null
          && refusal == null
          && main.status() == Snippet.Status.VALID
          && snippet instanceof TypeDeclSnippet) {
        Class<?> holder = loadedClass(loaded, simpleName);
        if (holder == null) {
          return Outcome.UNREADABLE;
        }
        Type[] types = new Type[items.size()];
        for (int i = 0; i < items.size(); i++) {
          types[i] = holder.getDeclaredField("f" + i).getGenericType();
        }
        for (int i = 0; i < items.size(); i++) {
          items.get(i).genericType = types[i];
        }
        return Outcome.RESOLVED;
      }
      if (snippet != null && refusal == null) {
        bad.addAll(pointedAt(snippet, source, items));
      }
      return Outcome.FAILED;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return Outcome.UNREADABLE;
    } finally {
      if (snippet != null && jshell.status(snippet).isActive()) {
        jshell.drop(snippet);
      }
    }
  }

  private Class<?> loadedClass(List<String> loaded, String simpleName) {
    for (String name : loaded) {
      if (name.endsWith("$" + simpleName) || name.endsWith("." + simpleName)) {
        try {
          return control.snippetClass(name);
        } catch (ClassNotFoundException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The items a failed class's diagnostics and unresolved names point at. */
  private Set<Item> pointedAt(Snippet snippet, String source, List<Item> items) {
    Set<Item> bad = new HashSet<>();
    jshell
        .diagnostics(snippet)
        .filter(Diag::isError)
        .forEach(
            d -> {
              long pos = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
              int field = lineOf(source, pos) - 1;
              if (field >= 0 && field < items.size()) {
                bad.add(items.get(field));
              }
            });
    if (snippet instanceof TypeDeclSnippet) {
      Set<String> unresolved = new HashSet<>();
      jshell
          .unresolvedDependencies((TypeDeclSnippet) snippet)
          .forEach(
              u -> {
                String[] words = u.trim().split("\\s+");
                unresolved.add(words[words.length - 1]);
              });
      for (Item item : items) {
        Matcher m = IDENTIFIER.matcher(item.type);
        while (m.find()) {
          if (unresolved.contains(m.group())) {
            bad.add(item);
            break;
          }
        }
      }
    }
    return bad;
  }

  private static int lineOf(String text, long pos) {
    if (pos < 0 || pos > text.length()) {
      return -1;
    }
    int line = 0;
    for (int i = 0; i < pos; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * Decodes every item that has a type, largest first, on up to as many threads as there are
   * processors. Sets each item's value or its failure.
   */
  void decode(List<Item> items) {
    List<Item> todo = new ArrayList<>();
    long chars = 0;
    for (Item item : items) {
      if (item.ok() && item.genericType != null) {
        todo.add(item);
        chars += item.json.length();
      }
    }
    int threads = Math.min(todo.size(), Math.min(4, Runtime.getRuntime().availableProcessors()));
    if (threads <= 1 || chars < 256 * 1024) {
      todo.forEach(VariableRestorer::decodeOne);
      return;
    }
    todo.sort(Comparator.comparingInt((Item item) -> item.json.length()).reversed());
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "orca-restore-" + n.incrementAndGet());
              t.setDaemon(true);
              t.setContextClassLoader(loader);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Item item : todo) {
        futures.add(pool.submit(() -> decodeOne(item)));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
        } catch (ExecutionException e) {
          Item item = todo.get(i);
          item.value = null;
          item.failure = doesNotFit(item, e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while restoring variables", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void decodeOne(Item item) {
    try {
      Object value = ValueCodec.decode(item.json, item.genericType);
      String misfit = misfit(value, item.genericType);
      if (misfit != null) {
        item.failure = doesNotFit(item, new IllegalArgumentException(misfit));
      } else {
        item.value = value;
      }
    } catch (OutOfMemoryError e) {
      item.failure = "the kernel ran out of memory restoring it";
    } catch (Exception | StackOverflowError e) {
      item.failure = doesNotFit(item, e);
    }
  }

  /** Why a value cannot be stored in a field of this type, or null if it can. */
  static String misfit(Object value, Type type) {
    Class<?> raw = ValueCodec.mapper().getTypeFactory().constructType(type).getRawClass();
    if (raw.isPrimitive()) {
      if (value == null) {
        return "null is not a " + raw.getName();
      }
      Class<?> boxed = java.lang.invoke.MethodType.methodType(raw).wrap().returnType();
      return boxed.isInstance(value) ? null : value.getClass().getName() + " is not a " + raw;
    }
    return value == null || raw.isInstance(value)
        ? null
        : value.getClass().getName() + " is not a " + raw.getName();
  }

  static String doesNotFit(Item item, Throwable e) {
    return doesNotFit(item.type, e);
  }

  static String doesNotFit(String type, Throwable e) {
    String message = e == null ? "" : String.valueOf(e.getMessage());
    return "its saved value does not fit its type "
        + type
        + " ("
        + Inspector.cut(message.lines().findFirst().orElse(""), 200)
        + ")";
  }
}
