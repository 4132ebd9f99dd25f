/**
 * {@code orca bench …}: {@link dev.orca.cli.bench.BenchCommand} and one thin subcommand per
 * benchmark; the measuring code lives in the module that owns what is measured.
 */
package dev.orca.cli.bench;
