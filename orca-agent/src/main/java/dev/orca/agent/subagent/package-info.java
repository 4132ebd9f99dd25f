/**
 * Sub-agents: specialists that run in fresh, isolated contexts on data handed from the kernel.
 *
 * <p>{@link dev.orca.agent.subagent.SubagentRegistry} holds the agents (built-ins from {@link
 * dev.orca.agent.subagent.BuiltinSubagents}, learned ones from {@code learned_skills/agents/} in
 * the {@link dev.orca.agent.subagent.AgentToml} format); {@link
 * dev.orca.agent.subagent.SubagentRunner} runs them one at a time or as a fan-out; {@link
 * dev.orca.agent.subagent.SubagentBridge} serves the kernel's {@code callSubagent} and {@code
 * mapSubagent} built-ins.
 */
package dev.orca.agent.subagent;
