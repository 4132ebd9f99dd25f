/** {@code orca eval}: evaluation harnesses (thin; the work is in orca-skills). */
package dev.orca.cli.eval;
