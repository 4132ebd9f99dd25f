/**
 * {@code orca eval skills}: function-generation tasks with hidden reference tests, run through the
 * whole pipeline against a model ({@link dev.orca.skills.eval.EvalHarness}).
 */
package dev.orca.skills.eval;
