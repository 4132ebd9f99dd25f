package dev.orca.kernelagent.policy;

/**
 * Checks (and may rewrite) the bytecode of every class that kernel code defines, before it is
 * loaded. The kernel's execution control calls {@link #apply} for each snippet class; a refusal
 * stops the snippet with the exception's message and leaves no effect.
 */
@FunctionalInterface
public interface ClassGuard {

  /**
   * Checks one class.
   *
   * @param className the binary name of the class, e.g. {@code REPL.$JShell$12}
   * @param bytecode its class file
   * @return the class file to load (the same array, or a rewritten one)
   * @throws PolicyViolation when the class references something kernel code may not use
   */
  byte[] apply(String className, byte[] bytecode) throws PolicyViolation;

  /** A guard that lets everything through ({@code --sandbox off}). */
  ClassGuard PERMIT_ALL = (className, bytecode) -> bytecode;
}
