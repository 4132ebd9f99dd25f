/** {@code orca analyze}: self-analysis of the history. */
package dev.orca.cli.analyze;
