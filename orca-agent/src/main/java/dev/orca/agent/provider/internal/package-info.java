/**
 * Provider plumbing: an HTTP client for LangChain4j models that keeps the server's {@code
 * retry-after} on errors.
 */
package dev.orca.agent.provider.internal;
