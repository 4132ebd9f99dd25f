/** {@code orca sessions}: list, show and delete saved sessions. */
package dev.orca.cli.sessions;
