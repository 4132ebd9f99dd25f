/** The sub-agent benchmark ({@code orca bench subagents}) and its local fake model server. */
package dev.orca.agent.subagent.bench;
