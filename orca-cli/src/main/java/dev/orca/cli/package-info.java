/**
 * The {@code orca} command line: {@link dev.orca.cli.OrcaMain} (picocli, subcommands), the options
 * every command shares ({@link dev.orca.cli.CommonOptions}), the runtime that resolves the home,
 * reads {@code config.toml} and owns the kernel ({@link dev.orca.cli.OrcaRuntime}), and the one
 * place that maps exceptions to exit codes ({@link dev.orca.cli.ErrorHandler}).
 */
package dev.orca.cli;
