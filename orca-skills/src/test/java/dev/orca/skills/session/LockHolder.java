package dev.orca.skills.session;

import java.nio.file.Path;

/** A process for {@link SessionLockIT}: takes a session's lock, says so, and waits to be killed. */
public final class LockHolder {
  private LockHolder() {}

  /**
   * Runs the holder.
   *
   * @param args the sessions directory and the session's name
   * @throws InterruptedException never in practice
   */
  public static void main(String[] args) throws InterruptedException {
    SessionLock lock = SessionLock.acquire(Path.of(args[0]), args[1], "repl");
    System.out.println("locked " + lock.holder().pid());
    System.out.flush();
    Thread.sleep(120_000);
  }
}
