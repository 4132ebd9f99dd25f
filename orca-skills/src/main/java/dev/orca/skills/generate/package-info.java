/**
 * The generator sub-agents as self-evolution uses them, and the refinement loops: {@link
 * dev.orca.skills.generate.FunctionGenerator} for functions, {@link
 * dev.orca.skills.generate.AgentGenerator} for sub-agents.
 */
package dev.orca.skills.generate;
