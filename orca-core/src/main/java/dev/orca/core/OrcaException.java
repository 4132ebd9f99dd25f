package dev.orca.core;

/**
 * The one unchecked root of every exception Orca throws on purpose.
 *
 * <p>Failures of user code are never thrown: they are data in a result. An {@code OrcaException}
 * means Orca itself could not do what was asked. {@link #retriable()} tells callers whether the
 * same request may succeed later (a timeout, a rate limit, a dead child process) or never will (a
 * bad argument, a configuration error). The CLI maps exceptions to exit codes in one place.
 */
public class OrcaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retriable;

  /**
   * Creates an exception.
   *
   * @param message what went wrong and, where possible, what to do about it
   * @param retriable whether the same request may succeed when tried again
   * @param cause the underlying cause, or {@code null}
   */
  public OrcaException(String message, boolean retriable, Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
  }

  /** Whether trying the same request again may succeed. */
  public boolean retriable() {
    return retriable;
  }

  /** A request that will never succeed as it is: bad input, unknown name, refused by policy. */
  public static OrcaException invalid(String message) {
    return new OrcaException(message, false, null);
  }

  /** A configuration or set-up problem the user must fix (exit code 2 in the CLI). */
  public static ConfigurationException configuration(String message) {
    return new ConfigurationException(message, null);
  }

  /** A transient failure that may go away when retried. */
  public static OrcaException transientFailure(String message, Throwable cause) {
    return new OrcaException(message, true, cause);
  }
}
