/** JShell inside the kernel JVM: cells, snippets, definitions, checkpoints, restore. */
package dev.orca.kernelagent.engine;
