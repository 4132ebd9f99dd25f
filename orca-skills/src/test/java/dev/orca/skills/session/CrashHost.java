package dev.orca.skills.session;

import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.kernel.SandboxMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A small host process for {@link SessionCrashIT}: runs cells in a real kernel with a checkpointer
 * the way the runtime does, then starts a cell that never ends and waits to be killed.
 */
public final class CrashHost {
  static final String SESSION = "host-crash";
  static final String SLOW = "a = 99;\nThread.sleep(120_000);";
  static final List<String> CELLS =
      List.of(
          "int a = 41;",
          "String s = \"kept\";",
          "List<Integer> xs = new ArrayList<>(List.of(1, 2, 3));",
          "xs.add(4);");

  private CrashHost() {}

  /**
   * Runs the host.
   *
   * @param args the directory to work in
   * @throws Exception on set-up failure
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path ws = Files.createDirectories(dir.resolve("workspace"));
    SessionStore store = new SessionStore(dir.resolve("sessions"));
    SessionCheckpointer cp = new SessionCheckpointer(store, SESSION, List::of);
    try (Kernel kernel =
        JShellKernel.start(KernelOptions.defaults(ws).withSandbox(SandboxMode.OFF))) {
      System.out.println("KERNEL " + kernel.info().pid());
      for (String cell : CELLS) {
        cp.beforeCell(cell);
        SessionCheckpointer.Checkpoint c = cp.afterCell(kernel, kernel.execute(cell));
        if (!c.written()) {
          System.out.println("CHECKPOINT FAILED " + c.error());
        }
      }
      cp.beforeCell(SLOW);
      System.out.println("RUNNING");
      System.out.flush();
      kernel.execute(SLOW, Duration.ofSeconds(60));
      System.out.println("NOT KILLED");
    }
  }
}
