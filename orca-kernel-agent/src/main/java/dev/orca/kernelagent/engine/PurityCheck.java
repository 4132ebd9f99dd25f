package dev.orca.kernelagent.engine;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jshell.ImportSnippet;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * Decides whether a variable whose value cannot be saved as data can be recomputed by replaying its
 * declaration. A declaration is <em>pure</em>, and replayed on restore, only when all of these
 * hold:
 *
 * <ul>
 *   <li>it was run by a cell as a declaration with an initializer ({@code T name = …;}), alone in
 *       its statement (not {@code int a = 1, b = 2;});
 *   <li>no later cell assigns the variable ({@code name = …}, {@code name += …}, {@code name++}),
 *       no method or type of the session assigns it, and, unless its value is known to be immutable
 *       (see {@link Immutables}), no later cell names it, directly or through a method it calls (a
 *       call may have changed it);
 *   <li>its initializer, and every method and type of the session it uses (transitively), uses no
 *       Orca built-in ({@code callTool}, tool stubs, sub-agents, sessions, {@code generate*}, …),
 *       no I/O, process, network, thread, reflection or environment API ({@code java.io}, {@code
 *       java.nio.file}, {@code java.net}, {@code Thread}, {@code ProcessBuilder}, {@code System},
 *       {@code Runtime}, …) and nothing random or time-dependent ({@code Random}, {@code now()},
 *       {@code currentTimeMillis}, {@code Math.random}, …); see {@link ReplayRules};
 *   <li>its initializer and the session's methods it calls name only JDK types, the session's own
 *       methods and types, and variables; every variable it reads was not assigned (nor, unless
 *       immutable, named) after the declaration, and no definition it uses was redefined after it.
 *       At restore the variables it reads must come back too (from data or by replay), and it is
 *       replayed after them.
 * </ul>
 *
 * <p>Limits: the check is lexical (identifiers in the source with comments and literals blanked
 * out, resolved against the session's imports), not a compiler's. It errs towards "not pure": a
 * local variable named like a session variable counts as reading it, and a type's own members used
 * unqualified are not checked against the JDK (only the effect rules apply inside types). It cannot
 * see effects hidden behind a JDK API that calls back into user code with effects of its own beyond
 * what the rules list, nor imports added after the declaration that change what a name means.
 */
final class PurityCheck {
  private static final Set<String> KEYWORDS =
      new HashSet<>(
          Arrays.asList(
              ("abstract assert boolean break byte case catch char class const continue default do"
                      + " double else enum extends final finally float for goto if implements"
                      + " import instanceof int interface long native new package private"
                      + " protected public return short static strictfp super switch synchronized"
                      + " this throw throws transient try void volatile while true false null var"
                      + " record yield sealed permits non length")
                  .split(" ")));

  private final Shell shell;
  private final UserSnippets user;
  private final Variables variables;
  private final VariableHistory history;

  /**
   * The verdict on one declaration.
   *
   * @param whyNot why it cannot be replayed, or {@code null} when it can
   * @param reach the variables it reads and the definitions it uses (empty when not pure)
   */
  record Verdict(String whyNot, Set<String> reach) {
    static Verdict no(String why) {
      return new Verdict(why, Set.of());
    }
  }

  PurityCheck(Shell shell, UserSnippets user, Variables variables, VariableHistory history) {
    this.shell = shell;
    this.user = user;
    this.variables = variables;
    this.history = history;
  }

  /** Whether this variable's declaration can be replayed, and why not. */
  Verdict check(VarSnippet var) {
    if (var.subKind() != Snippet.SubKind.VAR_DECLARATION_WITH_INITIALIZER_SUBKIND) {
      return Verdict.no("it was declared without an initializer");
    }
    Long at = history.declaredAt(var);
    if (at == null) {
      return Verdict.no("its declaration was not run by a cell");
    }
    if (history.sharedDeclaration(var)) {
      return Verdict.no("it was declared in one statement with other variables");
    }
    String init = SourceText.initializer(SourceText.code(var.source()));
    if (init == null) {
      return Verdict.no("its initializer could not be told apart");
    }
    Scan scan = new Scan(var.name());
    String why = scan.check(init, true);
    List<String> todo = new ArrayList<>(scan.follow);
    Set<String> followed = new HashSet<>();
    while (why == null && !todo.isEmpty()) {
      String name = todo.remove(todo.size() - 1);
      if (!followed.add(name)) {
        continue;
      }
      for (Snippet s : scan.definitions.getOrDefault(name, List.of())) {
        boolean method = s instanceof MethodSnippet;
        int before = scan.follow.size();
        why = scan.check(SourceText.code(s.source()), method);
        if (why != null) {
          why += ", in " + (method ? "the method " : "the type ") + name;
          break;
        }
        todo.addAll(new ArrayList<>(scan.follow).subList(before, scan.follow.size()));
      }
    }
    if (why == null) {
      why = changed(var, at, scan.deps, followed);
    }
    if (why != null) {
      return Verdict.no(why);
    }
    Set<String> reach = new HashSet<>(scan.deps);
    reach.addAll(followed);
    return new Verdict(null, reach);
  }

  /** Why the declaration would not give the same value now, or {@code null}. */
  private String changed(VarSnippet var, long at, Set<String> deps, Set<String> definitions) {
    String name = var.name();
    if (history.changedAfter(name, at)) {
      return "a later cell assigns it";
    }
    for (Map.Entry<String, List<Snippet>> d : user.definitionsByName(true).entrySet()) {
      for (Snippet s : d.getValue()) {
        if (SourceText.assignedNames(SourceText.code(s.source())).contains(name)) {
          return "the session's " + d.getKey() + " assigns it";
        }
      }
    }
    if (history.namedAfter(name, at) && !immutable(name)) {
      return "a later cell uses it and may have changed its value";
    }
    for (String dep : deps) {
      if (history.changedAfter(dep, at)) {
        return "it reads " + dep + ", which a later cell assigns";
      }
      if (history.namedAfter(dep, at) && !immutable(dep)) {
        return "it reads " + dep + ", which a later cell may have changed";
      }
    }
    for (String def : definitions) {
      if (history.changedAfter(def, at)) {
        return "it uses " + def + ", which was redefined after it";
      }
    }
    return null;
  }

  private boolean immutable(String name) {
    Variables.Entry e = variables.entry(name);
    try {
      return e != null && Immutables.isImmutable(variables.valueOf(e));
    } catch (ReflectiveOperationException | RuntimeException ex) {
      return false;
    }
  }

  /** One check's view of the session and what it found. */
  private final class Scan {
    final String self;
    final Map<String, List<Snippet>> definitions = user.definitionsByName(true);
    final Set<String> types = new HashSet<>();
    final Set<String> vars = new HashSet<>(variables.names());
    final List<ImportSnippet> imports = user.imports();
    final Set<String> deps = new LinkedHashSet<>();
    final List<String> follow = new ArrayList<>();

    Scan(String self) {
      this.self = self;
      shell.jshell.types().forEach(t -> types.add(t.name()));
    }

    /**
     * Checks blanked code; {@code strict} also requires every type and unqualified call to be the
     * JDK's or the session's (off inside types, whose own members are not resolved here).
     */
    String check(String code, boolean strict) {
      List<SourceText.Token> tokens = SourceText.tokens(code);
      for (int i = 0; i < tokens.size(); i++) {
        SourceText.Token t = tokens.get(i);
        String s = t.text();
        if (KEYWORDS.contains(s)) {
          continue;
        }
        if (!t.member() && ReplayRules.BUILTINS.contains(s)) {
          return "it calls " + s + " (an Orca built-in)";
        }
        if (ReplayRules.MEMBERS.contains(s)) {
          String owner = t.member() && i > 0 ? tokens.get(i - 1).text() + "." : "";
          return "it calls " + owner + s;
        }
        if (t.member()) {
          continue;
        }
        if (vars.contains(s) && !(t.call() && definitions.containsKey(s))) {
          if (!s.equals(self)) {
            deps.add(s);
          }
          continue;
        }
        if (definitions.containsKey(s) && (t.call() || types.contains(s))) {
          follow.add(s);
          continue;
        }
        String why =
            Character.isUpperCase(s.charAt(0))
                ? checkType(tokens, i, strict)
                : checkLower(tokens, i, strict);
        if (why != null) {
          return why;
        }
      }
      return null;
    }

    private String checkType(List<SourceText.Token> tokens, int i, boolean strict) {
      String s = tokens.get(i).text();
      if (s.length() <= 2 && s.equals(s.toUpperCase())) {
        return null; // a type variable such as T or K
      }
      Class<?>[] found = resolve(s);
      if (found[0] == null) {
        if (found[1] != null) {
          return strict ? "it uses " + found[1].getName() + ", which is not a JDK type" : null;
        }
        return strict
            ? "it uses " + s + ", which is neither a JDK type nor a definition of this session"
            : null;
      }
      return denied(found[0], s, tokens, i);
    }

    private String checkLower(List<SourceText.Token> tokens, int i, boolean strict) {
      SourceText.Token t = tokens.get(i);
      if (t.dotted()) {
        // A qualified type name such as java.util.regex.Pattern?
        StringBuilder name = new StringBuilder(t.text());
        for (int j = i + 1; j < tokens.size() && tokens.get(j).member(); j++) {
          name.append('.').append(tokens.get(j).text());
          if (Character.isUpperCase(tokens.get(j).text().charAt(0))) {
            Class<?> jdk = load(name.toString(), ClassLoader.getPlatformClassLoader());
            if (jdk != null) {
              return denied(jdk, name.toString(), tokens, j);
            }
            Class<?> other = load(name.toString(), contextLoader());
            return other != null && strict
                ? "it uses " + other.getName() + ", which is not a JDK type"
                : null;
          }
          if (!tokens.get(j).dotted()) {
            break;
          }
        }
        return null;
      }
      if (t.call() && strict && !staticallyImportedFromJdk(t.text())) {
        return "it calls "
            + t.text()
            + ", which is neither a JDK method nor a method of this session";
      }
      return null;
    }

    private String denied(Class<?> c, String written, List<SourceText.Token> tokens, int i) {
      String why = ReplayRules.deniedClass(c);
      if (why == null) {
        return null;
      }
      boolean call = tokens.get(i).dotted() && i + 1 < tokens.size();
      return (call ? "it calls " + written + "." + tokens.get(i + 1).text() : "it uses " + written)
          + " ("
          + why
          + ")";
    }

    /** The JDK class a simple name means here, else {@code [null, other class or null]}. */
    private Class<?>[] resolve(String simple) {
      List<String> candidates = new ArrayList<>();
      for (ImportSnippet imp : imports) {
        if (!imp.isStatic() && imp.fullname().endsWith("." + simple)) {
          candidates.add(imp.fullname());
        }
      }
      candidates.add("java.lang." + simple);
      for (ImportSnippet imp : imports) {
        if (!imp.isStatic() && imp.fullname().endsWith(".*")) {
          String pkg = imp.fullname().substring(0, imp.fullname().length() - 2);
          candidates.add(pkg + "." + simple);
        }
      }
      for (String name : candidates) {
        Class<?> c = load(name, ClassLoader.getPlatformClassLoader());
        if (c != null) {
          return new Class<?>[] {c, null};
        }
      }
      for (String name : candidates) {
        Class<?> c = load(name, contextLoader());
        if (c != null) {
          return new Class<?>[] {null, c};
        }
      }
      return new Class<?>[] {null, null};
    }

    private boolean staticallyImportedFromJdk(String name) {
      for (ImportSnippet imp : imports) {
        String full = imp.fullname();
        int dot = full.lastIndexOf('.');
        if (!imp.isStatic() || dot < 0) {
          continue;
        }
        String member = full.substring(dot + 1);
        if (!member.equals("*") && !member.equals(name)) {
          continue;
        }
        Class<?> c = load(full.substring(0, dot), ClassLoader.getPlatformClassLoader());
        if (c != null && ReplayRules.deniedClass(c) == null) {
          for (java.lang.reflect.Method m : c.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())) {
              return true;
            }
          }
        }
      }
      return false;
    }
  }

  private static ClassLoader contextLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : PurityCheck.class.getClassLoader();
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
      return null;
    }
  }
}
