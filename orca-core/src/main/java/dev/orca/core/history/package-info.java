/**
 * The history database ({@code HOME/history.db}): every execution, model turn, tool call, sub-agent
 * call and skill event, stored by {@link dev.orca.core.history.HistoryStore} and read by the
 * self-analysis. Secrets are redacted by {@link dev.orca.core.history.SecretRedactor} before
 * anything is written.
 */
package dev.orca.core.history;
