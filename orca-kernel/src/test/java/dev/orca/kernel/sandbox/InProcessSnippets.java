package dev.orca.kernel.sandbox;

import dev.orca.kernelagent.policy.ClassGuard;
import dev.orca.kernelagent.policy.PolicyViolation;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Test helper: compiles many statement blocks at once as JShell-like snippet classes ({@code
 * REPL.$JShell$N}) and runs each through a {@link ClassGuard} in this JVM: the bytecode layer with
 * no kernel and no OS isolation around it.
 */
final class InProcessSnippets {

  /** What one block did. */
  record Outcome(String compileError, String refusal, Throwable thrown, String stdout) {
    boolean ok() {
      return compileError == null && refusal == null && thrown == null;
    }

    String describe() {
      if (compileError != null) {
        return "does not compile: " + compileError;
      }
      if (refusal != null) {
        return "refused: " + refusal;
      }
      if (thrown != null) {
        return "threw " + thrown;
      }
      return "ok: " + stdout;
    }
  }

  private static final String IMPORTS =
      "import java.util.*; import java.util.function.*; import java.util.stream.*;"
          + " import java.time.*; import java.nio.file.*; import java.math.*; import java.io.*;"
          + " import java.util.concurrent.*; import tech.tablesaw.api.*;";

  private final Map<String, Map<String, byte[]>> classesByBlock = new LinkedHashMap<>();
  private final Map<String, String> compileErrors = new HashMap<>();

  /** Compiles every block (key: a name); blocks javac rejects are remembered as such. */
  InProcessSnippets(Map<String, String> blocks) {
    Map<String, String> sources = new LinkedHashMap<>();
    int i = 0;
    Map<String, String> classToBlock = new HashMap<>();
    for (Map.Entry<String, String> e : blocks.entrySet()) {
      String simple = "$JShell$" + (++i);
      classToBlock.put(simple, e.getKey());
      sources.put(
          simple,
          "package REPL; "
              + IMPORTS
              + " public class "
              + simple
              + " { public static void run() throws Throwable {\n"
              + e.getValue()
              + "\n} }");
    }
    while (!sources.isEmpty()) {
      Map<String, String> failed = new HashMap<>();
      Map<String, byte[]> out = compile(sources, failed);
      if (failed.isEmpty()) {
        for (String simple : sources.keySet()) {
          Map<String, byte[]> mine = new HashMap<>();
          out.forEach(
              (name, bytes) -> {
                if (name.equals("REPL." + simple) || name.startsWith("REPL." + simple + "$")) {
                  mine.put(name, bytes);
                }
              });
          classesByBlock.put(classToBlock.get(simple), mine);
        }
        break;
      }
      failed.forEach(
          (simple, message) -> {
            compileErrors.put(classToBlock.get(simple), message);
            sources.remove(simple);
          });
    }
  }

  /** Runs one block through the guard, capturing {@code System.out}. */
  Outcome run(String block, ClassGuard guard) {
    if (compileErrors.containsKey(block)) {
      return new Outcome(compileErrors.get(block), null, null, "");
    }
    Map<String, byte[]> guarded = new HashMap<>();
    for (Map.Entry<String, byte[]> e : classesByBlock.get(block).entrySet()) {
      try {
        guarded.put(e.getKey(), guard.apply(e.getKey(), e.getValue()));
      } catch (PolicyViolation v) {
        return new Outcome(null, v.getMessage(), null, "");
      }
    }
    String main =
        guarded.keySet().stream().filter(n -> n.indexOf('$', 13) < 0).findFirst().orElseThrow();
    ClassLoader loader =
        new ClassLoader(InProcessSnippets.class.getClassLoader()) {
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
      loader.loadClass(main).getMethod("run").invoke(null);
      return new Outcome(null, null, null, captured.toString(StandardCharsets.UTF_8));
    } catch (InvocationTargetException e) {
      return new Outcome(null, null, e.getCause(), captured.toString(StandardCharsets.UTF_8));
    } catch (ReflectiveOperationException | LinkageError e) {
      return new Outcome(null, null, e, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  private static Map<String, byte[]> compile(
      Map<String, String> sources, Map<String, String> failed) {
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
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach(
        (simple, source) ->
            files.add(
                new SimpleJavaFileObject(
                    URI.create("string:///REPL/" + simple + ".java"), JavaFileObject.Kind.SOURCE) {
                  @Override
                  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                  }
                }));
    List<String> options =
        List.of(
            "-classpath",
            System.getProperty("java.class.path"),
            "-proc:none",
            "-nowarn",
            "-Xlint:none",
            "--add-modules",
            "ALL-SYSTEM");
    boolean ok = javac.getTask(null, manager, diagnostics, options, null, files).call();
    if (!ok) {
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
          String path = d.getSource().toUri().getPath();
          String simple = path.substring(path.lastIndexOf('/') + 1).replace(".java", "");
          failed.putIfAbsent(simple, d.getMessage(null));
        }
      }
      if (failed.isEmpty()) {
        throw new IllegalStateException("javac failed: " + diagnostics.getDiagnostics());
      }
      return Map.of();
    }
    Map<String, byte[]> result = new HashMap<>();
    out.forEach((k, v) -> result.put(k, v.toByteArray()));
    return result;
  }
}
