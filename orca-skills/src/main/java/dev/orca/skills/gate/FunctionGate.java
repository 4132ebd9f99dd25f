package dev.orca.skills.gate;

import com.github.javaparser.ast.CompilationUnit;
import dev.orca.core.OrcaException;
import dev.orca.kernelagent.policy.ClassGuard;
import dev.orca.skills.ReviewIssue;
import dev.orca.skills.Severity;
import dev.orca.skills.TestReport;
import dev.orca.skills.store.SkillName;
import dev.orca.skills.store.SkillStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The model-independent gate for one learned function: form, format (google-java-format), compile
 * (javac {@code -Xlint:all}), sandbox policy on the bytecode, Checkstyle, correctness smells, then
 * its JUnit 5 tests in a separate JVM with JaCoCo coverage.
 */
public final class FunctionGate {

  private final SourceFormatter formatter = new SourceFormatter();
  private final SkillCompiler compiler = new SkillCompiler();
  private final StyleCheck style = new StyleCheck();
  private final PolicyCheck policy;
  private final TestRunner runner;

  /**
   * Creates a gate.
   *
   * @param guard the kernel's bytecode policy
   * @param runner runs tests in the separate JVM
   */
  public FunctionGate(ClassGuard guard, TestRunner runner) {
    this.policy = new PolicyCheck(guard);
    this.runner = runner;
  }

  /**
   * Gates a function and, when given, its tests.
   *
   * @param name the function
   * @param functionSource its source (header included)
   * @param testSource its JUnit 5 test class, or {@code null} to check the function alone
   * @param workDir a fresh directory for sources, classes and the test run (kept as artefacts)
   * @return the findings and the test report
   */
  public GateResult evaluate(
      SkillName name, String functionSource, String testSource, Path workDir) {
    List<ReviewIssue> fn = new ArrayList<>();
    List<ReviewIssue> tst = new ArrayList<>();
    String source = functionSource;
    JavaSources.ParseOutcome parsed = JavaSources.parse(source);
    if (parsed.unit().isEmpty()) {
      fn.add(
          new ReviewIssue(
              Severity.CRITICAL,
              parsed.line(),
              "The source does not parse: " + parsed.error(),
              "",
              "javac"));
      return new GateResult(source, testSource, false, fn, tst, Optional.empty(), "");
    }
    List<ReviewIssue> form = FormCheck.check(parsed.unit().get(), name);
    fn.addAll(form);
    if (!form.isEmpty()) {
      return new GateResult(source, testSource, false, fn, tst, Optional.empty(), "");
    }
    SourceFormatter.Result formatted = formatter.format(source);
    if (formatted instanceof SourceFormatter.Result.Failed f) {
      fn.add(
          new ReviewIssue(
              Severity.CRITICAL,
              f.line(),
              "google-java-format cannot format it: " + f.message(),
              "",
              "format"));
      return new GateResult(source, testSource, false, fn, tst, Optional.empty(), "");
    }
    source = ((SourceFormatter.Result.Formatted) formatted).source();
    CompilationUnit unit = JavaSources.parse(source).unit().orElseThrow();
    String signature = KernelSnippets.signature(unit, name);

    Path src = workDir.resolve("src");
    Path classes = workDir.resolve("classes");
    clean(classes);
    Path fnFile = src.resolve(name.className() + ".java");
    Path bridgeFile = src.resolve(OrcaBridgeSource.CLASS_NAME + ".java");
    SkillStore.write(fnFile, source);
    SkillStore.write(bridgeFile, OrcaBridgeSource.TEST_DOUBLE);
    CompileOutcome compiled = compiler.compile(List.of(fnFile, bridgeFile), classes, List.of());
    fn.addAll(compiled.errors());
    fn.addAll(compiled.warnings());
    if (!compiled.ok()) {
      return new GateResult(source, testSource, false, fn, tst, Optional.empty(), signature);
    }
    fn.addAll(policy.check(classes, Set.of(OrcaBridgeSource.CLASS_NAME)));
    fn.addAll(style.check(fnFile));
    fn.addAll(SmellCheck.check(unit));

    if (testSource == null || testSource.isBlank()) {
      return new GateResult(source, "", true, fn, tst, Optional.empty(), signature);
    }
    String tsrc = testSource;
    SourceFormatter.Result tf = formatter.format(tsrc);
    if (tf instanceof SourceFormatter.Result.Failed f) {
      tst.add(
          new ReviewIssue(
              Severity.CRITICAL, f.line(), "The test does not parse: " + f.message(), "", "tests"));
      return new GateResult(source, tsrc, true, fn, tst, Optional.empty(), signature);
    }
    tsrc = ((SourceFormatter.Result.Formatted) tf).source();
    Path testFile = src.resolve(name.testClassName() + ".java");
    SkillStore.write(testFile, tsrc);
    List<Path> cp = new ArrayList<>(TestRunner.testCompileClasspath());
    cp.add(0, classes);
    CompileOutcome tc = compiler.compile(List.of(testFile), classes, cp);
    for (ReviewIssue e : tc.errors()) {
      tst.add(new ReviewIssue(Severity.CRITICAL, e.line(), "test: " + e.message(), "", "tests"));
    }
    if (!tc.ok()) {
      return new GateResult(source, tsrc, true, fn, tst, Optional.empty(), signature);
    }
    for (ReviewIssue i : style.check(testFile)) {
      tst.add(
          new ReviewIssue(
              i.severity(), i.line(), "test: " + i.message(), i.suggestion(), "checkstyle"));
    }
    TestReport report =
        runner.run(
            classes, name.testClassName(), List.of(name.className()), workDir.resolve("run"));
    return new GateResult(source, tsrc, true, fn, tst, Optional.of(report), signature);
  }

  /**
   * Gates a helper class that is not a learned function (a sub-agent's {@code Tools.java}): format,
   * compile, policy, Checkstyle and smells; no form check and no tests.
   *
   * @param className the class's name
   * @param source its source
   * @param workDir a fresh directory
   * @return the findings (the signature is empty)
   */
  public GateResult evaluateClass(String className, String source, Path workDir) {
    List<ReviewIssue> fn = new ArrayList<>();
    SourceFormatter.Result formatted = formatter.format(source);
    if (formatted instanceof SourceFormatter.Result.Failed f) {
      fn.add(
          new ReviewIssue(
              Severity.CRITICAL,
              f.line(),
              className + ".java does not parse: " + f.message(),
              "",
              "format"));
      return new GateResult(source, "", false, fn, List.of(), Optional.empty(), "");
    }
    String src = ((SourceFormatter.Result.Formatted) formatted).source();
    Path file = workDir.resolve("src").resolve(className + ".java");
    Path classes = workDir.resolve("classes");
    clean(classes);
    SkillStore.write(file, src);
    Path bridgeFile = workDir.resolve("src").resolve(OrcaBridgeSource.CLASS_NAME + ".java");
    SkillStore.write(bridgeFile, OrcaBridgeSource.TEST_DOUBLE);
    CompileOutcome c = compiler.compile(List.of(file, bridgeFile), classes, List.of());
    fn.addAll(c.errors());
    fn.addAll(c.warnings());
    if (c.ok()) {
      fn.addAll(policy.check(classes, Set.of(OrcaBridgeSource.CLASS_NAME)));
      fn.addAll(style.check(file));
      JavaSources.parse(src).unit().ifPresent(u -> fn.addAll(SmellCheck.check(u)));
    }
    return new GateResult(src, "", c.ok(), fn, List.of(), Optional.empty(), "");
  }

  private static void clean(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw OrcaException.transientFailure("Cannot clean " + dir + ": " + e.getMessage(), e);
    }
  }
}
