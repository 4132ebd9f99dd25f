package dev.orca.kernelagent.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceGuardTest {

  @TempDir Path root;
  private Path workspace;
  private Path outside;

  @BeforeEach
  void setUp() throws Exception {
    workspace = Files.createDirectories(root.resolve("ws"));
    outside = Files.createDirectories(root.resolve("out"));
    GuardConfig.install(workspace, GuardLimits.defaults());
  }

  @Test
  void check_allowsTheWorkspaceAndNewFilesInIt() {
    assertThat(WorkspaceGuard.check(workspace)).isEqualTo(workspace);
    Path fresh = workspace.resolve("new/dir/file.txt");
    assertThat(WorkspaceGuard.write(fresh)).isSameAs(fresh);
    assertThat(WorkspaceGuard.checkName(workspace.resolve("a.csv").toString())).endsWith("a.csv");
  }

  @Test
  void check_refusesAbsolutePathsOutside() {
    assertThatThrownBy(() -> WorkspaceGuard.check(Path.of("/etc/passwd")))
        .isInstanceOf(SecurityException.class)
        .hasMessageStartingWith("file access outside the workspace is not allowed: /etc/passwd");
    assertThatThrownBy(() -> WorkspaceGuard.check(new File(outside.toFile(), "x")))
        .hasMessageContaining("outside the workspace");
  }

  @Test
  void check_refusesDotDotAndSaysWhereItLeads() throws Exception {
    Path sneaky = workspace.resolve("../out/x");
    assertThatThrownBy(() -> WorkspaceGuard.check(sneaky))
        .hasMessageContaining("resolves to " + outside.toRealPath().resolve("x"));
  }

  @Test
  void check_followsSymlinksOnTheExistingPrefix() throws Exception {
    Files.createSymbolicLink(workspace.resolve("link"), outside);
    assertThatThrownBy(() -> WorkspaceGuard.check(workspace.resolve("link/new.txt")))
        .hasMessageContaining("outside the workspace");
    Files.createSymbolicLink(workspace.resolve("inner"), workspace);
    assertThat(WorkspaceGuard.check(workspace.resolve("inner/ok.txt"))).isNotNull();
  }

  @Test
  void check_refusesDanglingLinksAndDotDotAfterMissingDirs() throws Exception {
    Files.createSymbolicLink(workspace.resolve("dangling"), outside.resolve("later"));
    assertThatThrownBy(() -> WorkspaceGuard.write(workspace.resolve("dangling")))
        .hasMessageContaining("dangling symbolic link");
    assertThatThrownBy(() -> WorkspaceGuard.write(workspace.resolve("missing/../../out/x")))
        .hasMessageContaining("'..' after a missing directory");
  }

  @Test
  void diskGuard_chargesWritesAgainstMeasuredUse() throws Exception {
    GuardConfig.install(workspace, new GuardLimits(16, 4096, 1000));
    Files.write(workspace.resolve("a.bin"), new byte[600]);
    DiskGuard.charge(300);
    Files.write(workspace.resolve("b.bin"), new byte[300]);
    assertThatThrownBy(() -> DiskGuard.charge(300))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("the workspace is full");
    Files.delete(workspace.resolve("a.bin"));
    Thread.sleep(600);
    DiskGuard.charge(300);
  }

  @Test
  void systemGuard_allowsOnlyHarmlessKeys() {
    assertThat(SystemGuard.getProperty("java.version"))
        .isEqualTo(System.getProperty("java.version"));
    assertThatThrownBy(() -> SystemGuard.getProperty("user.home"))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("'user.home' is not available");
  }
}
