/**
 * The OS layer of the kernel sandbox: process isolation around the child JVM.
 *
 * <p>{@link dev.orca.kernel.sandbox.BubblewrapSandbox} wraps the kernel's command line in
 * bubblewrap (own network, PID, IPC, UTS and mount namespaces, read-only JDK and classpath, the
 * workspace read-write, private {@code /tmp}, cleared environment); {@link
 * dev.orca.kernel.sandbox.OsSandboxes#detect()} picks it when it works on this machine. The
 * bytecode layer lives in the kernel agent ({@code dev.orca.kernelagent.policy}).
 */
package dev.orca.kernel.sandbox;
