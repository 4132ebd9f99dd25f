/**
 * {@code orca repl}: the kernel at a terminal (JLine: history, multi-line cells, completion) or fed
 * a script on stdin. {@link dev.orca.cli.repl.ReplCommand} is the command.
 */
package dev.orca.cli.repl;
