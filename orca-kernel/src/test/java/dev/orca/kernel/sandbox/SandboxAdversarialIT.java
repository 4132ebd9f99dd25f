package dev.orca.kernel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.kernel.SandboxMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adversarial suite against real kernels, once with bubblewrap (when this machine has it) and
 * once with the bytecode layer alone ({@code -Dorca.sandbox.os=none}). One kernel per mode serves
 * every case; resource attacks that kill it must leave a kernel that answers the next cell. Writes
 * a report per mode to {@code target/sandbox-report-<mode>.md} (the source of SECURITY.md's table).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxAdversarialIT {

  private static final Duration CASE_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration SURVIVE_TIMEOUT = Duration.ofSeconds(3);

  @TempDir Path root;
  private final List<AutoCloseable> open = new ArrayList<>();

  @TestFactory
  Stream<DynamicTest> withBubblewrap() throws IOException {
    return suite("bubblewrap", false);
  }

  @TestFactory
  Stream<DynamicTest> bytecodeLayerOnly() throws IOException {
    return suite("bytecode-only", true);
  }

  private Stream<DynamicTest> suite(String mode, boolean disableOs) throws IOException {
    List<AttackCase> cases = new ArrayList<>(AttackCase.load());
    // Legitimate cells first (a clean kernel), then attacks, then resource exhaustion.
    cases.sort(
        Comparator.comparingInt((AttackCase c) -> c.legitimate() ? 0 : c.survives() ? 2 : 1));
    Run run = new Run(mode, disableOs, Files.createDirectories(root.resolve(mode)));
    open.add(run);
    List<DynamicTest> tests = new ArrayList<>();
    for (AttackCase c : cases) {
      tests.add(DynamicTest.dynamicTest(mode + " " + c.id(), () -> run.check(c)));
    }
    tests.add(DynamicTest.dynamicTest(mode + " kernel still serves", run::stillServes));
    tests.add(DynamicTest.dynamicTest(mode + " report", run::writeReport));
    return tests.stream();
  }

  @AfterAll
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  /** One mode: its world, its kernel, its report. */
  private static final class Run implements AutoCloseable {
    private final String mode;
    private final boolean disableOs;
    private final Path dir;
    private SandboxWorld world;
    private JShellKernel kernel;
    private final List<String> report = new ArrayList<>();

    Run(String mode, boolean disableOs, Path dir) {
      this.mode = mode;
      this.disableOs = disableOs;
      this.dir = dir;
    }

    private JShellKernel kernel() throws IOException {
      if (kernel == null) {
        if (!disableOs) {
          BubblewrapSandbox bwrap = new BubblewrapSandbox();
          Assumptions.assumeTrue(bwrap.available(), bwrap.describe());
        }
        world = new SandboxWorld(dir);
        String before = System.getProperty(BubblewrapSandbox.DISABLE_PROPERTY);
        if (disableOs) {
          System.setProperty(BubblewrapSandbox.DISABLE_PROPERTY, "none");
        }
        try {
          kernel =
              JShellKernel.start(
                  KernelOptions.defaults(world.workspace).withSandbox(SandboxMode.AUTO));
        } finally {
          if (before == null) {
            System.clearProperty(BubblewrapSandbox.DISABLE_PROPERTY);
          } else {
            System.setProperty(BubblewrapSandbox.DISABLE_PROPERTY, before);
          }
        }
        String layers = String.join("; ", kernel.info().sandboxLayers());
        assertThat(layers).contains("bytecode policy");
        if (disableOs) {
          assertThat(layers).doesNotContain("OS isolation: bubblewrap");
        } else {
          assertThat(layers).contains("OS isolation: bubblewrap");
        }
        ExecutionResult prelude =
            kernel.execute("import java.io.*; import java.util.concurrent.*;");
        assertThat(prelude.ok()).as(prelude.toString()).isTrue();
      }
      return kernel;
    }

    void check(AttackCase c) throws Exception {
      JShellKernel k = kernel();
      Set<String> before = world.outsideState();
      String code = c.code(world.placeholders());
      ExecutionResult r = k.execute(code, c.survives() ? SURVIVE_TIMEOUT : CASE_TIMEOUT);
      String text = render(r);
      try {
        if (c.legitimate()) {
          assertThat(r.ok()).as("%s should work: %s", c.id(), text).isTrue();
          assertThat(r.output().stdout()).as(c.id()).contains(c.expectedOutput());
        } else if (c.blocked()) {
          assertThat(r)
              .as("%s must be refused with an error, got: %s", c.id(), text)
              .isInstanceOfAny(
                  ExecutionResult.CompileError.class, ExecutionResult.UserException.class);
        } else {
          ExecutionResult next = k.execute("1 + 1", CASE_TIMEOUT);
          assertThat(next.ok())
              .as("%s: kernel must keep serving, got %s", c.id(), render(next))
              .isTrue();
        }
        assertThat(text).as("%s leaked the secret", c.id()).doesNotContain(world.secret);
        assertThat(world.outsideState())
            .as("%s changed files outside the workspace", c.id())
            .isEqualTo(before);
        assertThat(Files.readString(world.secretFile)).isEqualTo(world.secret);
        assertThat(world.connections.get())
            .as("%s reached the host's loopback listener", c.id())
            .isZero();
        String planted = System.getenv("ORCA_PLANTED_SECRET");
        if (planted != null && !planted.isEmpty()) {
          assertThat(text).as("%s leaked the host environment", c.id()).doesNotContain(planted);
        }
        report.add(row(c, r, "pass"));
      } catch (AssertionError e) {
        report.add(row(c, r, "FAIL"));
        throw e;
      } finally {
        world.cleanWorkspace();
      }
    }

    void stillServes() throws IOException {
      ExecutionResult r = kernel().execute("System.out.println(\"alive\")", CASE_TIMEOUT);
      assertThat(r.output().stdout()).contains("alive");
    }

    void writeReport() throws IOException {
      Path target = Path.of("target");
      Files.createDirectories(target);
      List<String> lines = new ArrayList<>();
      lines.add("# Sandbox suite: " + mode);
      lines.add("");
      lines.add(
          "Layers: " + (kernel == null ? "-" : String.join("; ", kernel.info().sandboxLayers())));
      lines.add("");
      lines.add("| case | category | verdict | stopped by | message |");
      lines.add("| --- | --- | --- | --- | --- |");
      lines.addAll(report);
      Files.write(target.resolve("sandbox-report-" + mode + ".md"), lines);
    }

    private static String row(AttackCase c, ExecutionResult r, String verdict) {
      return "| "
          + c.id()
          + " | "
          + c.category()
          + " | "
          + verdict
          + " | "
          + layer(r)
          + " | "
          + message(r)
              .replace("|", "/")
              .replace("\n", " ")
              .lines()
              .findFirst()
              .orElse("")
              .substring(0, Math.min(140, message(r).replace("\n", " ").length()))
          + " |";
    }

    static String layer(ExecutionResult r) {
      if (r instanceof ExecutionResult.CompileError ce) {
        return ce.message().contains("[refused:") ? "bytecode policy" : "compiler";
      }
      if (r instanceof ExecutionResult.UserException ue) {
        String m = ue.message() == null ? "" : ue.message();
        if (ue.exceptionType().endsWith("SecurityException")
            || m.contains("thread limit")
            || m.contains("workspace is full")
            || m.contains("too many open files")
            || m.contains("[refused:")) {
          return "runtime guard";
        }
        return "JVM/OS (" + ue.exceptionType() + ")";
      }
      if (r instanceof ExecutionResult.Stopped) {
        return "timeout (stopped)";
      }
      if (r instanceof ExecutionResult.Died) {
        return "kernel restarted";
      }
      return "-";
    }

    static String message(ExecutionResult r) {
      if (r instanceof ExecutionResult.CompileError ce) {
        return ce.message();
      }
      if (r instanceof ExecutionResult.UserException ue) {
        return ue.exceptionType() + ": " + ue.message();
      }
      if (r instanceof ExecutionResult.Stopped s) {
        return s.reason();
      }
      if (r instanceof ExecutionResult.Died d) {
        return d.cause();
      }
      return "ok";
    }

    private static String render(ExecutionResult r) {
      return r + " " + message(r);
    }

    @Override
    public void close() throws IOException {
      if (kernel != null) {
        kernel.close();
      }
      if (world != null) {
        world.close();
      }
    }
  }
}
