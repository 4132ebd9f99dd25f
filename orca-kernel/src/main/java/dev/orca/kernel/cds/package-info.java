/**
 * The kernel JVM's start-up cache: a runtime image holding only the sandboxed kernel's modules
 * (built by {@code jlink}, so that the module limit no longer turns class-data sharing off) and an
 * application class-data sharing archive per (java binary, kernel classpath, JVM options), both
 * built in the background and used only once complete and checked. See {@link
 * dev.orca.kernel.cds.StartupCache}.
 */
package dev.orca.kernel.cds;
