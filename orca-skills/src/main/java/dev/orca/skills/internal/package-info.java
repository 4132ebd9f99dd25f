/** Implementation details of self-evolution (history recording). */
package dev.orca.skills.internal;
