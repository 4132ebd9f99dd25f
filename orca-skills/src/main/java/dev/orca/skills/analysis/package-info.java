/**
 * Self-analysis: {@link dev.orca.skills.analysis.PatternMiner} reads {@code history.db}, finds
 * repeated work (recurring normalized cells, recurring tool sequences), estimates what learned
 * functions would save, reports what they saved so far, and turns a suggestion into a {@link
 * dev.orca.skills.analysis.FunctionRequest} for {@code generateFunction} (the past cells as
 * examples, a proposed name and signature); {@link dev.orca.skills.analysis.SuggestionHandoff} runs
 * one through generation, the gate and deployment.
 */
package dev.orca.skills.analysis;
