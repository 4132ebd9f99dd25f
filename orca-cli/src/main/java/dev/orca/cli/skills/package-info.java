/** {@code orca skills}: the learned skills commands (thin; the work is in orca-skills). */
package dev.orca.cli.skills;
