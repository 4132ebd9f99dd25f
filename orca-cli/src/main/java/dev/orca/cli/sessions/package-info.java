/**
 * Sessions of a run: {@code orca sessions list|show|delete}; {@code --session NAME} and {@code
 * --resume [NAME]} ({@link dev.orca.cli.sessions.SessionRequest}, {@link
 * dev.orca.cli.sessions.RunSession}); and {@link dev.orca.cli.sessions.SessionKernel}, the kernel
 * that checkpoints the session after every cell, applies loads requested by cells, records cells in
 * {@code history.db} and cancels the host calls of stopped cells.
 */
package dev.orca.cli.sessions;
