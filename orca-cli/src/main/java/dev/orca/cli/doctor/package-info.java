/** {@code orca doctor}: checks the JDK, the home, the kernel, its sandbox and the model config. */
package dev.orca.cli.doctor;
