/**
 * The kernel JVM's entry point and its channel to the host. {@link dev.orca.kernelagent.KernelMain}
 * runs a {@link dev.orca.kernelagent.engine.SnippetEngine} and answers JSON-line requests.
 */
package dev.orca.kernelagent;
