package dev.orca.kernelagent.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Test helper: compiles a statement block as a JShell-like snippet class ({@code REPL.$JShell$N}),
 * passes every class through a {@link ClassGuard}, loads and runs it, capturing {@code System.out}.
 */
final class SnippetRunner {

  /** What running a snippet did. */
  record Outcome(String refusal, Throwable thrown, String stdout) {
    boolean ok() {
      return refusal == null && thrown == null;
    }

    String describe() {
      if (refusal != null) {
        return "refused: " + refusal;
      }
      if (thrown != null) {
        return "threw " + thrown;
      }
      return "ok: " + stdout;
    }
  }

  private static final AtomicInteger COUNTER = new AtomicInteger(1000);
  private static final String IMPORTS =
      "import java.util.*; import java.util.function.*; import java.util.stream.*;"
          + " import java.time.*; import java.nio.file.*; import java.math.*; import java.io.*;"
          + " import java.util.concurrent.*; import tech.tablesaw.api.*;";

  private final ClassGuard guard;

  SnippetRunner(ClassGuard guard) {
    this.guard = guard;
  }

  /** Compiles, guards, loads and runs {@code body}; compile errors fail the test. */
  Outcome run(String body) {
    String simple = "$JShell$" + COUNTER.incrementAndGet();
    String source =
        "package REPL; "
            + IMPORTS
            + " public class "
            + simple
            + " { public static void run() throws Throwable {\n"
            + body
            + "\n} }";
    Map<String, byte[]> classes = compile("REPL." + simple, source);
    Map<String, byte[]> guarded = new HashMap<>();
    for (Map.Entry<String, byte[]> e : classes.entrySet()) {
      try {
        guarded.put(e.getKey(), guard.apply(e.getKey(), e.getValue()));
      } catch (PolicyViolation v) {
        return new Outcome(v.getMessage(), null, "");
      }
    }
    ClassLoader loader =
        new ClassLoader(SnippetRunner.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = guarded.get(name);
            if (b == null) {
              throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
          }
        };
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      loader.loadClass("REPL." + simple).getMethod("run").invoke(null);
      return new Outcome(null, null, captured.toString(StandardCharsets.UTF_8));
    } catch (InvocationTargetException e) {
      return new Outcome(null, e.getCause(), captured.toString(StandardCharsets.UTF_8));
    } catch (ReflectiveOperationException | LinkageError e) {
      return new Outcome(null, e, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  private static Map<String, byte[]> compile(String className, String source) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
    Map<String, ByteArrayOutputStream> out = new HashMap<>();
    ForwardingJavaFileManager<StandardJavaFileManager> manager =
        new ForwardingJavaFileManager<>(standard) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String name, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + name + ".class"), kind) {
              @Override
              public OutputStream openOutputStream() {
                return out.computeIfAbsent(name, k -> new ByteArrayOutputStream());
              }
            };
          }
        };
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///" + className.replace('.', '/') + ".java"),
            JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    List<String> options =
        new ArrayList<>(
            List.of(
                "-classpath",
                System.getProperty("java.class.path"),
                "-proc:none",
                "-nowarn",
                "-Xlint:none",
                "--add-modules",
                "ALL-SYSTEM"));
    boolean ok = javac.getTask(null, manager, diagnostics, options, null, List.of(file)).call();
    if (!ok) {
      throw new IllegalArgumentException(
          "snippet does not compile: " + diagnostics.getDiagnostics() + "\n" + source);
    }
    try {
      manager.close();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, byte[]> result = new HashMap<>();
    out.forEach((k, v) -> result.put(k, v.toByteArray()));
    return result;
  }
}
