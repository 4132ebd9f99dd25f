/**
 * The model-independent gate a generated skill must pass: form, google-java-format, javac {@code
 * -Xlint:all}, the kernel's bytecode policy, Checkstyle, correctness smells, and JUnit 5 tests run
 * in a separate JVM with JaCoCo coverage ({@link dev.orca.skills.gate.FunctionGate}).
 */
package dev.orca.skills.gate;
