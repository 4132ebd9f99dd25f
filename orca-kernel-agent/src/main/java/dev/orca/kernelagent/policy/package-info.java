/** The in-kernel sandbox layer: bytecode checks on every class kernel code defines. */
package dev.orca.kernelagent.policy;
