/**
 * Benchmarks behind {@code bin/orca bench discovery} and {@code bin/orca bench tokens}: catalog and
 * query readers, retrieval metrics and upfront-token counts.
 */
package dev.orca.tools.bench;
