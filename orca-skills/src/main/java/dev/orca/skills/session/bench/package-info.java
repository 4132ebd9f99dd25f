/** {@code orca bench sessions}: how fast sessions save, load and checkpoint. */
package dev.orca.skills.session.bench;
