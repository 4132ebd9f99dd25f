/**
 * Model providers: {@link dev.orca.agent.provider.ModelConfig} resolves which model to use from
 * flags, environment and config.toml; {@link dev.orca.agent.provider.ModelFactory} builds the
 * LangChain4j model; {@link dev.orca.agent.provider.Retrier} retries transient failures and turns
 * the rest into clear errors; {@link dev.orca.agent.provider.Secrets} keeps keys out of text.
 */
package dev.orca.agent.provider;
