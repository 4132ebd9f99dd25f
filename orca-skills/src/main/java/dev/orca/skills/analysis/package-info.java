/**
 * Self-analysis: {@link dev.orca.skills.analysis.PatternMiner} reads {@code history.db}, finds
 * repeated work (recurring normalized cells, recurring tool sequences), estimates what learned
 * functions would save, reports what they saved so far, and turns a suggestion into a {@link
 * dev.orca.skills.analysis.FunctionRequest} for {@code generateFunction}.
 */
package dev.orca.skills.analysis;
