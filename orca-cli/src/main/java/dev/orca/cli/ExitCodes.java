package dev.orca.cli;

/** The process exit codes of every {@code orca} command (DESIGN.md §2.3). */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;

  /** The task failed (a cell failed, a tool call failed, an internal error). */
  public static final int FAILED = 1;

  /** Usage or configuration error: bad options, unusable home, invalid config.toml. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
