package dev.orca.skills.gate;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.orca.skills.ReviewIssue;
import dev.orca.skills.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds obvious correctness smells and sandbox escapes in a source: empty catch blocks, catching
 * {@code Throwable}/{@code Error}, {@code System.exit}, processes, sockets and URLs, reflection,
 * threads, public mutable statics and unused parameters.
 */
public final class SmellCheck {

  private static final String SRC = "smells";
  private static final Set<String> FORBIDDEN_PACKAGES =
      Set.of(
          "java.net",
          "java.lang.reflect",
          "java.lang.invoke",
          "sun.misc",
          "jdk.internal",
          "java.nio.channels",
          "javax.net",
          "java.rmi");
  private static final Set<String> FORBIDDEN_TYPES =
      Set.of(
          "ProcessBuilder",
          "Socket",
          "ServerSocket",
          "DatagramSocket",
          "URL",
          "URLConnection",
          "HttpURLConnection",
          "HttpClient",
          "Unsafe",
          "ClassLoader",
          "URLClassLoader",
          "Thread",
          "ProcessHandle");

  private SmellCheck() {}

  /**
   * Checks a parsed source.
   *
   * @param unit the tree
   * @return findings, by line
   */
  public static List<ReviewIssue> check(CompilationUnit unit) {
    List<ReviewIssue> out = new ArrayList<>();
    for (ImportDeclaration imp : unit.getImports()) {
      String n = imp.getNameAsString();
      for (String pkg : FORBIDDEN_PACKAGES) {
        if (n.equals(pkg) || n.startsWith(pkg + ".")) {
          out.add(escape(imp, "imports " + n + ", which kernel code may not use"));
        }
      }
    }
    for (CatchClause c : unit.findAll(CatchClause.class)) {
      String type = c.getParameter().getType().asString();
      if (type.equals("Throwable") || type.equals("Error") || type.endsWith(".Throwable")) {
        out.add(
            issue(
                c,
                Severity.MAJOR,
                "catches " + type + ", which hides fatal errors",
                "catch the specific exceptions the code can throw"));
      }
      if (c.getBody().getStatements().isEmpty()
          && c.getBody().getAllContainedComments().isEmpty()) {
        out.add(
            issue(
                c,
                Severity.MAJOR,
                "empty catch block swallows the error",
                "handle it, rethrow it, or return a clear result"));
      }
    }
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      String text = call.toString();
      String name = call.getNameAsString();
      String scope = call.getScope().map(Node::toString).orElse("");
      if ((scope.endsWith("System") || scope.endsWith("Runtime.getRuntime()"))
          && (name.equals("exit") || name.equals("halt"))) {
        out.add(
            issue(
                call,
                Severity.CRITICAL,
                scope + "." + name + " would end the kernel",
                "throw an exception or return a result instead"));
      } else if (scope.endsWith("Runtime.getRuntime()") && name.equals("exec")) {
        out.add(escape(call, "starts a process (" + text + ")"));
      } else if (name.equals("setAccessible")
          || name.equals("forName") && scope.endsWith("Class")) {
        out.add(escape(call, "uses reflection (" + name + ")"));
      } else if (name.equals("printStackTrace")) {
        out.add(
            issue(
                call,
                Severity.MINOR,
                "prints a stack trace instead of reporting the error",
                "throw or return the error"));
      } else if (name.equals("loadLibrary") || name.equals("load") && scope.endsWith("System")) {
        out.add(escape(call, "loads native code"));
      }
    }
    for (ObjectCreationExpr n : unit.findAll(ObjectCreationExpr.class)) {
      checkType(n, n.getType(), out);
    }
    for (ClassOrInterfaceType t : unit.findAll(ClassOrInterfaceType.class)) {
      if (t.getParentNode().filter(p -> p instanceof ObjectCreationExpr).isPresent()) {
        continue;
      }
      String full = t.asString();
      for (String pkg : FORBIDDEN_PACKAGES) {
        if (full.startsWith(pkg + ".")) {
          out.add(escape(t, "uses " + full));
        }
      }
    }
    for (FieldDeclaration f : unit.findAll(FieldDeclaration.class)) {
      if (f.isStatic() && !f.isFinal() && f.isPublic()) {
        out.add(
            issue(
                f,
                Severity.MAJOR,
                "public mutable static field " + f.getVariable(0).getName(),
                "make it private final, or a local variable"));
      }
    }
    for (MethodDeclaration m : unit.findAll(MethodDeclaration.class)) {
      if (m.getBody().isEmpty() || m.isAbstract()) {
        continue;
      }
      for (Parameter p : m.getParameters()) {
        String pn = p.getNameAsString();
        boolean used =
            m.getBody().get().findAll(NameExpr.class).stream()
                .anyMatch(e -> e.getNameAsString().equals(pn));
        if (!used) {
          out.add(
              issue(
                  p,
                  Severity.MINOR,
                  "parameter " + pn + " of " + m.getNameAsString() + " is never used",
                  "use it or remove it"));
        }
      }
    }
    out.sort(Comparator.comparingInt(ReviewIssue::line));
    return out;
  }

  private static void checkType(Node at, ClassOrInterfaceType type, List<ReviewIssue> out) {
    String full = type.asString();
    String simple = type.getNameAsString();
    if (FORBIDDEN_TYPES.contains(simple)
        || FORBIDDEN_PACKAGES.stream().anyMatch(p -> full.startsWith(p + "."))) {
      out.add(escape(at, "creates " + full));
    }
  }

  private static ReviewIssue escape(Node at, String what) {
    return issue(
        at,
        Severity.CRITICAL,
        "Sandbox escape: " + what + ".",
        "kernel code has no network, processes, threads or reflection; reach the outside world"
            + " only through tools with OrcaBridge.call(\"tool\", args)");
  }

  private static ReviewIssue issue(Node at, Severity s, String message, String suggestion) {
    int line = at.getBegin().map(p -> p.line).orElse(0);
    return new ReviewIssue(s, line, message, suggestion, SRC);
  }
}
