package dev.orca.kernelagent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.kernelagent.guard.GuardConfig;
import dev.orca.kernelagent.guard.GuardLimits;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyClassGuardTest {

  @TempDir Path root;
  private Path workspace;
  private Path outside;
  private SnippetRunner runner;

  @BeforeEach
  void setUp() throws Exception {
    workspace = Files.createDirectories(root.resolve("workspace"));
    outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "TOP-SECRET");
    GuardConfig.install(workspace, GuardLimits.defaults());
    runner = new SnippetRunner(new PolicyClassGuard());
  }

  private String ws(String name) {
    return workspace.resolve(name).toString().replace("\\", "\\\\");
  }

  private String out(String name) {
    return outside.resolve(name).toString().replace("\\", "\\\\");
  }

  @Test
  void readOutsideWorkspace_refusedWithPath() {
    var o =
        runner.run("System.out.println(Files.readString(Path.of(\"" + out("secret.txt") + "\")));");
    assertThat(o.thrown()).isInstanceOf(SecurityException.class);
    assertThat(o.thrown().getMessage())
        .startsWith(
            "file access outside the workspace is not allowed: " + outside.resolve("secret.txt"));
    assertThat(o.stdout()).doesNotContain("TOP-SECRET");
  }

  @Test
  void etcPasswd_refusedWithTheModelFacingMessage() {
    var o = runner.run("new FileInputStream(\"/etc/passwd\").read();");
    assertThat(o.thrown())
        .hasMessageStartingWith("file access outside the workspace is not allowed: /etc/passwd");
  }

  @Test
  void workspaceFiles_readAndWrite() {
    var o =
        runner.run(
            "Files.writeString(Path.of(\""
                + ws("a.txt")
                + "\"), \"hello\");"
                + "try (var w = new PrintWriter(\""
                + ws("b.txt")
                + "\")) { w.println(\"world\"); }"
                + "System.out.println(Files.readString(Path.of(\""
                + ws("a.txt")
                + "\")) + new BufferedReader(new FileReader(\""
                + ws("b.txt")
                + "\")).readLine());");
    assertThat(o.describe()).isEqualTo("ok: helloworld\n");
  }

  @Test
  void symlinkLeavingWorkspace_refused() throws Exception {
    Files.createSymbolicLink(workspace.resolve("link"), outside);
    var o = runner.run("Files.readString(Path.of(\"" + ws("link") + "/secret.txt\"));");
    assertThat(o.thrown()).hasMessageContaining("outside the workspace");
  }

  @Test
  void dotDotLeavingWorkspace_refused() {
    var o = runner.run("new File(\"" + ws("..") + "/outside/x.txt\").createNewFile();");
    assertThat(o.thrown()).hasMessageContaining("outside the workspace");
    assertThat(outside.resolve("x.txt")).doesNotExist();
  }

  @Test
  void socket_refusedBeforeLoading() {
    var o = runner.run("new java.net.Socket(\"127.0.0.1\", 9);");
    assertThat(o.refusal())
        .startsWith(
            "java.net is not available in the kernel: use a tool, see searchTools(\"http\")");
  }

  @Test
  void exitAndProcesses_refused() {
    assertThat(runner.run("System.exit(1);").refusal()).contains("exiting");
    assertThat(runner.run("Runtime.getRuntime().halt(1);").refusal()).contains("exiting");
    assertThat(runner.run("new ProcessBuilder(\"true\").start();").refusal()).contains("processes");
    assertThat(runner.run("ProcessHandle.current().parent();").refusal()).contains("processes");
    assertThat(runner.run("System.out.println(ProcessHandle.current().pid() > 0);").describe())
        .isEqualTo("ok: true\n");
  }

  @Test
  void environmentAndProperties_filtered() {
    assertThat(runner.run("System.getenv(\"PATH\");").refusal()).contains("environment variables");
    assertThat(
            runner
                .run("System.out.println(System.getProperty(\"line.separator\").length());")
                .describe())
        .startsWith("ok: ");
    var o = runner.run("System.out.println(System.getProperty(\"user.home\"));");
    assertThat(o.thrown()).isInstanceOf(SecurityException.class);
    assertThat(o.stdout()).isEmpty();
  }

  @Test
  void reflection_recordComponentsAllowed_deepReflectionRefused() {
    var ok =
        runner.run(
            "record P(int x, String y) {} var p = new P(1, \"a\");"
                + " for (var c : P.class.getRecordComponents())"
                + " System.out.print(c.getName() + \"=\" + c.getAccessor().invoke(p) + \";\");");
    assertThat(ok.describe()).isEqualTo("ok: x=1;y=a;");
    assertThat(
            runner.run("String.class.getDeclaredField(\"value\").setAccessible(true);").refusal())
        .contains("deep reflection");
    var exec =
        runner.run(
            "Runtime.class.getMethod(\"exec\", String.class).invoke(Runtime.getRuntime(), \"true\");");
    assertThat(exec.thrown()).isInstanceOf(SecurityException.class).hasMessageContaining("process");
    assertThat(runner.run("Class.forName(\"java.net.Socket\");").refusal())
        .contains("Class.forName");
  }

  @Test
  void methodReferenceToGuardedApi_refusedWithLambdaHint() {
    var o = runner.run("List.of(new File(\"x\")).forEach(File::exists);");
    assertThat(o.refusal()).contains("use a lambda");
    var lambda =
        runner.run(
            "System.out.println(List.of(Path.of(\""
                + ws("x")
                + "\")).stream().map(p -> Files.exists(p)).toList());");
    assertThat(lambda.describe()).isEqualTo("ok: [false]\n");
  }

  @Test
  void jshellForwardReferenceStub_allowed() {
    var o =
        runner.run(
            "try { throw new jdk.jshell.spi.SPIResolutionException(7); }"
                + " catch (RuntimeException e) { System.out.println(e.getClass().getSimpleName()); }");
    assertThat(o.describe()).isEqualTo("ok: SPIResolutionException\n");
    assertThat(runner.run("jdk.jshell.JShell.create();").refusal()).contains("JShell");
  }

  @Test
  void internals_refused() {
    assertThat(
            runner.run("dev.orca.kernelagent.guard.GuardConfig.install(Path.of(\"/\"));").refusal())
        .contains("Orca's kernel internals");
    assertThat(runner.run("var u = sun.misc.Unsafe.class;").refusal()).contains("JDK internals");
  }

  @Test
  void threadCap_refusesTheSeventeenthThread() {
    var o =
        runner.run(
            "var latch = new CountDownLatch(1); int started = 0;"
                + " try { for (int i = 0; i < 40; i++) { new Thread(() -> { try { latch.await(); }"
                + " catch (InterruptedException e) {} }).start(); started++; } }"
                + " finally { latch.countDown(); System.out.println(started); }");
    assertThat(o.thrown())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("thread limit");
    assertThat(o.stdout()).isEqualTo("16\n");
  }

  @Test
  void executorThreads_countAgainstTheCap() {
    var o =
        runner.run(
            "var latch = new CountDownLatch(1); var pool = Executors.newFixedThreadPool(40);"
                + " try { for (int i = 0; i < 40; i++) pool.submit(() -> { latch.await(); return 1; }); }"
                + " finally { latch.countDown(); pool.shutdown(); }");
    assertThat(o.thrown()).hasMessageContaining("thread limit");
  }

  @Test
  void parallelStreams_keepWorking() {
    var o =
        runner.run(
            "System.out.println(java.util.stream.LongStream.rangeClosed(1, 1_000_000).parallel().sum());");
    assertThat(o.describe()).isEqualTo("ok: 500000500000\n");
  }

  @Test
  void diskCap_stopsAWriteLoop() throws Exception {
    GuardConfig.install(workspace, new GuardLimits(16, 4096, 1 << 20));
    var o =
        runner.run(
            "try (var out = new FileOutputStream(\""
                + ws("fill.bin")
                + "\")) { byte[] b = new byte[64 * 1024]; for (int i = 0; i < 1000; i++) out.write(b); }");
    assertThat(o.thrown()).hasMessageContaining("the workspace is full");
    assertThat(Files.size(workspace.resolve("fill.bin"))).isLessThanOrEqualTo(1 << 20);
  }

  @Test
  void openFileCap_refusesBeyondTheLimit() throws Exception {
    String[] fds = new File("/proc/self/fd").list();
    org.junit.jupiter.api.Assumptions.assumeTrue(fds != null, "needs /proc/self/fd");
    GuardConfig.install(workspace, new GuardLimits(16, fds.length + 20, 1L << 30));
    Files.writeString(workspace.resolve("f.txt"), "x");
    var o =
        runner.run(
            "var open = new ArrayList<InputStream>(); try { for (int i = 0; i < 100; i++)"
                + " open.add(new FileInputStream(\""
                + ws("f.txt")
                + "\")); } finally { System.out.println(open.size() < 100); for (var s : open) s.close(); }");
    assertThat(o.thrown()).hasMessageContaining("too many open files");
    assertThat(o.stdout()).isEqualTo("true\n");
  }

  @Test
  void tablesawAndJackson_workInTheWorkspaceOnly() {
    var o =
        runner.run(
            "Table t = Table.create(\"t\", IntColumn.create(\"a\", 1, 2, 3));"
                + " t.write().csv(\""
                + ws("t.csv")
                + "\"); Table r = Table.read().csv(\""
                + ws("t.csv")
                + "\"); var m = new com.fasterxml.jackson.databind.ObjectMapper();"
                + " m.writeValue(new File(\""
                + ws("j.json")
                + "\"), Map.of(\"k\", r.rowCount()));"
                + " System.out.println(m.readTree(new File(\""
                + ws("j.json")
                + "\")));");
    assertThat(o.describe()).isEqualTo("ok: {\"k\":3}\n");
    var passwd = runner.run("Table.read().csv(\"/etc/passwd\");");
    assertThat(passwd.thrown()).as(passwd.describe()).hasMessageContaining("outside the workspace");
    assertThat(
            runner
                .run(
                    "new com.fasterxml.jackson.databind.ObjectMapper().writeValue(new File(\""
                        + out("j.json")
                        + "\"), 1);")
                .thrown())
        .hasMessageContaining("outside the workspace");
    assertThat(outside.resolve("j.json")).doesNotExist();
    assertThat(runner.run("Table.read().url(\"http://127.0.0.1/x.csv\");").refusal())
        .contains("java.net");
  }
}
