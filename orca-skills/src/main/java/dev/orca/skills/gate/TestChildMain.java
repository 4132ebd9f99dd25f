package dev.orca.skills.gate;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.SessionInfoStore;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.IRuntime;
import org.jacoco.core.runtime.LoggerRuntime;
import org.jacoco.core.runtime.RuntimeData;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the separate test JVM: runs one JUnit 5 test class with the JUnit Platform
 * Launcher against JaCoCo-instrumented skill classes and writes counts, failures and line/branch
 * coverage to a properties file. Started by {@link TestRunner}; not meant to be run by hand.
 *
 * <p>Arguments: {@code OUT.properties CLASSES_DIR TEST_CLASS[,TEST_CLASS...]
 * COVERED_CLASS[,COVERED_CLASS...]}.
 */
public final class TestChildMain {

  private TestChildMain() {}

  /**
   * Runs the tests.
   *
   * @param args output file, classes directory, test class, classes to measure
   * @throws Exception when the run itself fails (reported by the host from the exit code)
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Path classes = Path.of(args[1]);
    String[] testClasses = args[2].split(",");
    Set<String> covered = Set.of(args[3].split(","));

    IRuntime runtime = new LoggerRuntime();
    Instrumenter instrumenter = new Instrumenter(runtime);
    RuntimeData data = new RuntimeData();
    runtime.startup(data);
    InstrumentingLoader loader = new InstrumentingLoader(classes, covered, instrumenter);

    List<String> failures = new ArrayList<>();
    int[] counts = new int[2];
    TestExecutionListener listener =
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
              return;
            }
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
              counts[0]++;
            } else {
              counts[1]++;
              String why = result.getThrowable().map(TestChildMain::describe).orElse("failed");
              failures.add(id.getDisplayName() + ": " + why);
            }
          }
        };
    Thread.currentThread().setContextClassLoader(loader);
    try {
      List<org.junit.platform.engine.discovery.ClassSelector> selectors = new ArrayList<>();
      for (String testClass : testClasses) {
        selectors.add(selectClass(loader.loadClass(testClass)));
      }
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(selectors)
              .configurationParameter("junit.jupiter.execution.timeout.default", "10 s")
              .build();
      Launcher launcher = LauncherFactory.create();
      launcher.execute(request, listener);
    } catch (ReflectiveOperationException | LinkageError e) {
      failures.add("cannot load " + args[2] + ": " + describe(e));
      counts[1]++;
    }

    ExecutionDataStore store = new ExecutionDataStore();
    data.collect(store, new SessionInfoStore(), false);
    runtime.shutdown();
    CoverageBuilder builder = new CoverageBuilder();
    Analyzer analyzer = new Analyzer(store, builder);
    try (java.util.stream.Stream<Path> files = Files.list(classes)) {
      for (Path f : files.sorted().toList()) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".class")) {
          continue;
        }
        String name = file.substring(0, file.length() - ".class".length());
        String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
        if (covered.contains(outer)) {
          analyzer.analyzeClass(Files.readAllBytes(f), name);
        }
      }
    }
    int linesCovered = 0;
    int linesTotal = 0;
    int branchesCovered = 0;
    int branchesTotal = 0;
    List<String> missed = new ArrayList<>();
    for (IClassCoverage c : builder.getClasses()) {
      linesCovered += c.getLineCounter().getCoveredCount();
      linesTotal += c.getLineCounter().getTotalCount();
      branchesCovered += c.getBranchCounter().getCoveredCount();
      branchesTotal += c.getBranchCounter().getTotalCount();
      for (int l = c.getFirstLine(); l > 0 && l <= c.getLastLine(); l++) {
        int status = c.getLine(l).getStatus();
        if (status == org.jacoco.core.analysis.ICounter.NOT_COVERED) {
          missed.add(Integer.toString(l));
        }
      }
    }
    Properties p = new Properties();
    p.setProperty("passed", Integer.toString(counts[0]));
    p.setProperty("failed", Integer.toString(counts[1]));
    p.setProperty("failures.count", Integer.toString(failures.size()));
    for (int i = 0; i < failures.size(); i++) {
      p.setProperty("failures." + i, failures.get(i));
    }
    p.setProperty("lines.covered", Integer.toString(linesCovered));
    p.setProperty("lines.total", Integer.toString(linesTotal));
    p.setProperty("branches.covered", Integer.toString(branchesCovered));
    p.setProperty("branches.total", Integer.toString(branchesTotal));
    p.setProperty("lines.missed", missed.stream().collect(Collectors.joining(",")));
    try (OutputStream os = Files.newOutputStream(out)) {
      p.store(os, "orca skill test run");
    }
    System.exit(0);
  }

  private static String describe(Throwable t) {
    String s = t.toString().replace('\n', ' ');
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().indexOf('.') < 0 && e.getLineNumber() > 0) {
        s += " (at " + e.getFileName() + ":" + e.getLineNumber() + ")";
        break;
      }
    }
    return s.length() > 400 ? s.substring(0, 400) + "..." : s;
  }

  /** Loads the skill's classes instrumented, everything else normally. */
  private static final class InstrumentingLoader extends URLClassLoader {
    private final Path classes;
    private final Set<String> covered;
    private final Instrumenter instrumenter;

    InstrumentingLoader(Path classes, Set<String> covered, Instrumenter instrumenter)
        throws IOException {
      super(new URL[] {classes.toUri().toURL()}, TestChildMain.class.getClassLoader());
      this.classes = classes;
      this.covered = covered;
      this.instrumenter = instrumenter;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
      if (!covered.contains(outer)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          Path file = classes.resolve(name.replace('.', '/') + ".class");
          try {
            byte[] original = Files.readAllBytes(file);
            byte[] instrumented = instrumenter.instrument(original, name);
            c = defineClass(name, instrumented, 0, instrumented.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
