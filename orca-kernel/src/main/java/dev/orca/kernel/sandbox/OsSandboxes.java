package dev.orca.kernel.sandbox;

/** Picks the OS isolation available on this machine. */
public final class OsSandboxes {
  private OsSandboxes() {}

  /** The best OS sandbox available here, or {@link OsSandbox#NONE}. */
  public static OsSandbox detect() {
    try {
      Class<?> type = Class.forName("dev.orca.kernel.sandbox.BubblewrapSandbox");
      OsSandbox sandbox = (OsSandbox) type.getDeclaredConstructor().newInstance();
      return sandbox.available() ? sandbox : OsSandbox.NONE;
    } catch (ReflectiveOperationException | LinkageError e) {
      return OsSandbox.NONE;
    }
  }
}
