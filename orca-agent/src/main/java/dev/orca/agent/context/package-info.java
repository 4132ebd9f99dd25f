/**
 * Context discipline: {@link dev.orca.agent.context.TokenCounter} (jtokkit o200k estimates) and
 * {@link dev.orca.agent.context.Conversation}, which keeps the orchestrator's requests within a
 * token budget by compacting older turns into a summary of steps and kernel variables.
 */
package dev.orca.agent.context;
