/**
 * The context benchmark ({@code orca bench context}): a deterministic transcript corpus ({@link
 * dev.orca.agent.bench.TranscriptCorpus}), a scripted model ({@link
 * dev.orca.agent.bench.ScriptedChatModel}), a traditional tool-calling agent for comparison ({@link
 * dev.orca.agent.bench.BaselineAgent}) and the report ({@link
 * dev.orca.agent.bench.ContextBenchReport}).
 */
package dev.orca.agent.bench;
