package dev.orca.skills.gate;

import dev.orca.core.OrcaException;
import dev.orca.kernel.sandbox.OsSandbox;
import dev.orca.skills.TestReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs a skill's compiled JUnit 5 tests in a separate JVM (same heap limit as the kernel, under the
 * OS sandbox when one is available) with JaCoCo line and branch coverage of the skill's classes.
 */
public final class TestRunner {

  /** Classes the test JVM needs besides the skill: JUnit Platform, Jupiter, JaCoCo, ASM. */
  static final String[] RUNTIME_CLASSES = {
    "dev.orca.skills.gate.TestChildMain",
    "org.junit.platform.launcher.core.LauncherFactory",
    "org.junit.platform.engine.TestEngine",
    "org.junit.platform.commons.util.ReflectionUtils",
    "org.junit.jupiter.engine.JupiterTestEngine",
    "org.junit.jupiter.api.Test",
    "org.junit.jupiter.params.ParameterizedTest",
    "org.opentest4j.AssertionFailedError",
    "org.apiguardian.api.API",
    "org.jacoco.core.analysis.Analyzer",
    "org.objectweb.asm.ClassVisitor",
    "org.objectweb.asm.commons.AnalyzerAdapter",
    "org.objectweb.asm.tree.ClassNode",
  };

  /** Classes a test needs to compile: JUnit Jupiter's API and parameterized tests. */
  public static final String[] TEST_COMPILE_CLASSES = {
    "org.junit.jupiter.api.Test",
    "org.junit.jupiter.params.ParameterizedTest",
    "org.opentest4j.AssertionFailedError",
    "org.apiguardian.api.API",
    "org.junit.platform.commons.util.ReflectionUtils",
  };

  private final OsSandbox sandbox;
  private final int heapMiB;
  private final Duration timeout;

  /**
   * Creates a runner.
   *
   * @param sandbox OS isolation for the test JVM ({@link OsSandbox#NONE} when unavailable)
   * @param heapMiB the test JVM's heap limit
   * @param timeout how long the whole run may take before the JVM is killed
   */
  public TestRunner(OsSandbox sandbox, int heapMiB, Duration timeout) {
    this.sandbox = sandbox;
    this.heapMiB = heapMiB;
    this.timeout = timeout;
  }

  /** The compile classpath for generated tests. */
  public static List<Path> testCompileClasspath() {
    List<Path> cp = new ArrayList<>();
    for (String c : TEST_COMPILE_CLASSES) {
      Path p = ChildClasspath.locationOf(c);
      if (!cp.contains(p)) {
        cp.add(p);
      }
    }
    return cp;
  }

  /**
   * Runs one test class.
   *
   * @param classesDir the compiled skill, test class and test doubles (default package)
   * @param testClass the test class's name
   * @param coveredClasses the skill classes whose coverage is measured (outer class names)
   * @param workDir a directory for the run's files (the sandbox's writable workspace)
   * @return counts, failures and coverage; {@link TestReport#notRun} when the JVM failed
   */
  public TestReport run(
      Path classesDir, String testClass, List<String> coveredClasses, Path workDir) {
    try {
      Files.createDirectories(workDir);
      Path out = workDir.resolve("test-result.properties");
      Files.deleteIfExists(out);
      Path log = workDir.resolve("test-jvm.log");
      List<String> cmd = new ArrayList<>();
      cmd.add(ChildClasspath.javaExecutable().toString());
      cmd.add("-Xmx" + heapMiB + "m");
      cmd.add("-XX:+UseSerialGC");
      cmd.add("-XX:TieredStopAtLevel=1");
      cmd.add("-Xshare:auto");
      cmd.add("-Djava.awt.headless=true");
      cmd.add("-cp");
      String cp = ChildClasspath.of(RUNTIME_CLASSES);
      cmd.add(cp);
      cmd.add(TestChildMain.class.getName());
      cmd.add(out.toString());
      cmd.add(classesDir.toString());
      cmd.add(testClass);
      cmd.add(String.join(",", coveredClasses));
      List<Path> readOnly = new ArrayList<>();
      readOnly.add(Path.of(System.getProperty("java.home")));
      for (String e : cp.split(java.io.File.pathSeparator)) {
        readOnly.add(Path.of(e));
      }
      readOnly.add(classesDir);
      List<String> command = sandbox.available() ? sandbox.wrap(cmd, workDir, readOnly) : cmd;
      Process p =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        return TestReport.notRun("the tests did not finish within " + timeout.toSeconds() + " s");
      }
      if (!Files.exists(out)) {
        return TestReport.notRun(
            "the test JVM exited with code " + p.exitValue() + ": " + tail(log));
      }
      Properties props = new Properties();
      try (InputStream in = Files.newInputStream(out)) {
        props.load(in);
      }
      List<String> failures = new ArrayList<>();
      int n = intOf(props, "failures.count");
      for (int i = 0; i < n; i++) {
        failures.add(props.getProperty("failures." + i, ""));
      }
      return new TestReport(
          intOf(props, "passed"),
          intOf(props, "failed"),
          failures,
          intOf(props, "lines.covered"),
          intOf(props, "lines.total"),
          intOf(props, "branches.covered"),
          intOf(props, "branches.total"),
          "");
    } catch (IOException e) {
      throw OrcaException.transientFailure("Cannot run the test JVM: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw OrcaException.transientFailure("Interrupted while running tests.", e);
    }
  }

  private static int intOf(Properties p, String key) {
    try {
      return Integer.parseInt(p.getProperty(key, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no output)";
    }
    String s = Files.readString(log, StandardCharsets.UTF_8).strip();
    return s.length() > 800 ? "..." + s.substring(s.length() - 800) : s;
  }
}
