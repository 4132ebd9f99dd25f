/**
 * Runtime guards that the sandbox's call-site rewriting sends kernel code through: file access
 * confined to the workspace ({@link dev.orca.kernelagent.guard.WorkspaceGuard}), caps on threads,
 * open files and workspace disk use, filtered system properties and reflection that is no stronger
 * than a direct call. The child JVM calls {@link dev.orca.kernelagent.guard.GuardConfig#install}
 * once at start; kernel code cannot reference this package directly (the bytecode policy refuses
 * it).
 */
package dev.orca.kernelagent.guard;
