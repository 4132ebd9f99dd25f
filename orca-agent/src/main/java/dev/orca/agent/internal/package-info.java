/** Orchestrator internals: rendering tool results for the model. */
package dev.orca.agent.internal;
