/** {@code orca chat}: an interactive session with a model working in the kernel. */
package dev.orca.cli.chat;
