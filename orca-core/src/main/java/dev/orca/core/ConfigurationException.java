package dev.orca.core;

/** A configuration or set-up error the user must fix; never retriable. CLI exit code 2. */
public final class ConfigurationException extends OrcaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a configuration error.
   *
   * @param message what is wrong and how to fix it
   * @param cause the underlying cause, or {@code null}
   */
  public ConfigurationException(String message, Throwable cause) {
    super(message, false, cause);
  }
}
