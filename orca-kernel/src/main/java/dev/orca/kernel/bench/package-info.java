/** Reproducible kernel measurements behind {@code orca bench kernel} and BENCHMARKS.md. */
package dev.orca.kernel.bench;
