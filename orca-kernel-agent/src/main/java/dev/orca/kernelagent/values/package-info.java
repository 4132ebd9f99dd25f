/** Kernel values as bounded text (inspection) and as JSON (checkpoints, sessions). */
package dev.orca.kernelagent.values;
