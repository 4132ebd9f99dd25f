/**
 * The built-ins visible to kernel code: the only {@code dev.orca} package snippets may use. See
 * {@link dev.orca.kernelagent.api.Orca}.
 */
package dev.orca.kernelagent.api;
