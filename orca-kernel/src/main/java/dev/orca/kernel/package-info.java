/**
 * The kernel SPI: Orca's working memory. {@link dev.orca.kernel.Kernel} runs cells of Java and
 * returns an {@link dev.orca.kernel.ExecutionResult}; {@link dev.orca.kernel.JShellKernel} is the
 * implementation that runs them in a child JVM.
 */
package dev.orca.kernel;
