package dev.orca.kernelagent.api;

/**
 * A built-in call failed: the host refused it, the tool failed, or the cell was stopped. The
 * message says what to do next.
 */
public final class OrcaCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   */
  public OrcaCallException(String message) {
    super(message);
  }
}
