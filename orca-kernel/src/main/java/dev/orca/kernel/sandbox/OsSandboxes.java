package dev.orca.kernel.sandbox;

/** Picks the OS isolation available on this machine. */
public final class OsSandboxes {
  /**
   * The bubblewrap sandbox once its probe ({@code bwrap … true} and {@code bwrap --version}, two
   * process starts, ~0.1 s) has succeeded, so that later kernel starts do not pay for it again. A
   * failed probe is not kept: the next start probes again. Whether it may be used is still decided
   * at every call ({@link BubblewrapSandbox#DISABLE_PROPERTY}).
   */
  private static volatile OsSandbox bubblewrap;

  private OsSandboxes() {}

  /** The best OS sandbox available here, or {@link OsSandbox#NONE}. */
  public static OsSandbox detect() {
    OsSandbox sandbox = bubblewrap;
    if (sandbox != null) {
      return sandbox.available() ? sandbox : OsSandbox.NONE;
    }
    try {
      Class<?> type = Class.forName("dev.orca.kernel.sandbox.BubblewrapSandbox");
      sandbox = (OsSandbox) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return OsSandbox.NONE;
    }
    if (!sandbox.available()) {
      return OsSandbox.NONE;
    }
    bubblewrap = sandbox;
    return sandbox;
  }
}
