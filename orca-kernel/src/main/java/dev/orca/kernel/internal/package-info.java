/** How {@link dev.orca.kernel.JShellKernel} starts and talks to its kernel JVM. */
package dev.orca.kernel.internal;
