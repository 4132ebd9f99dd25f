/** Implementation of the sub-agent runner: token counts, chunking, fresh contexts, retries. */
package dev.orca.agent.subagent.internal;
