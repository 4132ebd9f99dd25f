/** {@code orca run}: one task with a model, from the command line. */
package dev.orca.cli.run;
