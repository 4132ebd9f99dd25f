package dev.orca.kernel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.kernelagent.guard.GuardConfig;
import dev.orca.kernelagent.guard.GuardLimits;
import dev.orca.kernelagent.policy.PolicyClassGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adversarial suite's attacks against the bytecode layer alone, in this JVM: every blocked case
 * must be refused before loading or stopped by a runtime guard, with no effect outside the
 * workspace. (Legitimate cases that use relative paths need the kernel's working directory and run
 * in {@link SandboxAdversarialIT}; so do the resource cases, which may take a JVM down.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxBytecodeLayerTest {

  private SandboxWorld world;
  private InProcessSnippets snippets;
  private List<AttackCase> cases;
  private final PolicyClassGuard guard = new PolicyClassGuard();

  @BeforeAll
  void compileAll(@TempDir Path root) throws Exception {
    world = new SandboxWorld(root);
    GuardConfig.install(world.workspace, new GuardLimits(16, 4096, 64L << 20));
    cases =
        AttackCase.load().stream()
            .filter(c -> c.blocked() || (c.legitimate() && !usesRelativeFiles(c)))
            .toList();
    Map<String, String> blocks = new LinkedHashMap<>();
    for (AttackCase c : cases) {
      blocks.put(c.id(), c.code(world.placeholders()));
    }
    snippets = new InProcessSnippets(blocks);
  }

  private static boolean usesRelativeFiles(AttackCase c) {
    return c.code().contains("Path.of(\"")
        || c.code().contains("new File(\"")
        || c.code().contains("Writer(\"")
        || c.code().contains("csv(\"");
  }

  private final java.util.List<String> report = new java.util.ArrayList<>();

  @AfterAll
  void close() throws Exception {
    java.nio.file.Files.createDirectories(Path.of("target"));
    java.nio.file.Files.write(Path.of("target/sandbox-report-in-process.md"), report);
    if (world != null) {
      world.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyAttack_isStoppedByTheBytecodeLayer() {
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
  }

  private void check(AttackCase c) throws Exception {
    Set<String> before = world.outsideState();
    InProcessSnippets.Outcome o = snippets.run(c.id(), guard);
    String layer =
        o.compileError() != null
            ? "javac"
            : o.refusal() != null ? "bytecode policy" : o.thrown() != null ? "runtime guard" : "-";
    String message = o.describe().replace("|", "/").replace("\n", " ");
    report.add(
        "| "
            + c.id()
            + " | "
            + c.category()
            + " | "
            + layer
            + " | "
            + message.substring(0, Math.min(160, message.length()))
            + " |");
    if (c.legitimate()) {
      assertThat(o.ok()).as("%s: %s", c.id(), o.describe()).isTrue();
      assertThat(o.stdout()).contains(c.expectedOutput());
    } else {
      assertThat(o.ok()).as("%s must be stopped, got %s", c.id(), o.describe()).isFalse();
      assertThat(o.describe()).doesNotContain(world.secret);
    }
    assertThat(world.outsideState()).as(c.id()).isEqualTo(before);
    assertThat(Files.readString(world.secretFile)).isEqualTo(world.secret);
    assertThat(world.connections.get()).as(c.id()).isZero();
  }
}
