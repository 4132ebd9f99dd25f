package dev.orca.skills.gate;

import dev.orca.core.OrcaException;
import dev.orca.skills.ReviewIssue;
import dev.orca.skills.Severity;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles skill sources with the JDK's javac ({@code javax.tools}) and {@code -Xlint:all}. */
public final class SkillCompiler {

  private final JavaCompiler javac;

  /** Uses the running JDK's compiler. */
  public SkillCompiler() {
    this.javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw OrcaException.configuration(
          "No Java compiler in this runtime ("
              + System.getProperty("java.home")
              + "): run Orca"
              + " with a JDK, not a JRE.");
    }
  }

  /**
   * Compiles sources into a directory.
   *
   * @param sources the {@code .java} files
   * @param outDir where class files go (created)
   * @param classpath extra classpath entries
   * @return errors, warnings and where the classes are
   */
  public CompileOutcome compile(List<Path> sources, Path outDir, List<Path> classpath) {
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw OrcaException.transientFailure("Cannot create " + outDir + ": " + e.getMessage(), e);
    }
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>();
    options.add("-Xlint:all,-processing,-serial,-options");
    options.add("-proc:none");
    options.add("-g");
    options.add("-encoding");
    options.add("UTF-8");
    options.add("-d");
    options.add(outDir.toString());
    options.add("-cp");
    options.add(
        classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    StringWriter out = new StringWriter();
    boolean ok;
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units =
          fm.getJavaFileObjectsFromFiles(sources.stream().map(Path::toFile).toList());
      ok = javac.getTask(out, fm, diags, options, null, units).call();
    } catch (IOException e) {
      throw OrcaException.transientFailure("javac failed: " + e.getMessage(), e);
    }
    List<ReviewIssue> errors = new ArrayList<>();
    List<ReviewIssue> warnings = new ArrayList<>();
    Path first = sources.isEmpty() ? null : sources.get(0).getFileName();
    for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
      String file =
          d.getSource() == null ? "" : Path.of(d.getSource().getName()).getFileName().toString();
      String where =
          file.isEmpty() || (first != null && file.equals(first.toString())) ? "" : file + ": ";
      int line = d.getLineNumber() == Diagnostic.NOPOS ? 0 : (int) d.getLineNumber();
      String msg = where + d.getMessage(Locale.ROOT);
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(new ReviewIssue(Severity.CRITICAL, line, msg, "", "javac"));
      } else if (d.getKind() == Diagnostic.Kind.WARNING
          || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        warnings.add(new ReviewIssue(Severity.MINOR, line, msg, "", "javac"));
      }
    }
    if (!ok && errors.isEmpty()) {
      errors.add(
          new ReviewIssue(
              Severity.CRITICAL, 0, "javac failed: " + out.toString().strip(), "", "javac"));
    }
    return new CompileOutcome(ok, errors, warnings, outDir);
  }
}
