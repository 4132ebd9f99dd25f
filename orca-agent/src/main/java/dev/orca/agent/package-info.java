/**
 * The orchestrator: {@link dev.orca.agent.Orchestrator} runs a model that works through code in the
 * kernel, with two upfront tools ({@link dev.orca.agent.AgentTools}), a bounded conversation and
 * per-turn token accounting ({@link dev.orca.agent.TurnUsage}, {@link dev.orca.agent.TurnLedger}).
 * Providers are in {@code provider}, context discipline in {@code context}, the context benchmark
 * in {@code bench}, sub-agents in {@code subagent}.
 */
package dev.orca.agent;
