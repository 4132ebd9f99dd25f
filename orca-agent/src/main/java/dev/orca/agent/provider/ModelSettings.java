package dev.orca.agent.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to build a chat model. The API key is held here only to hand it to the
 * provider's client: {@link #toString()} never shows it.
 *
 * @param provider which API
 * @param modelName the provider's model name
 * @param baseUrl another endpoint (proxy, local server), or {@code null} for the provider's own
 * @param apiKey the key, or {@code null} when the endpoint needs none
 * @param timeout how long one HTTP request may take
 * @param maxOutputTokens cap on the tokens of one answer
 * @param retry how transient failures are retried
 */
public record ModelSettings(
    Provider provider,
    String modelName,
    String baseUrl,
    String apiKey,
    Duration timeout,
    int maxOutputTokens,
    RetryPolicy retry) {

  /** Default request timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  /** Default cap on one answer's tokens. */
  public static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;

  /** Validates. */
  public ModelSettings {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(modelName, "modelName");
    if (modelName.isBlank()) {
      throw new IllegalArgumentException("model name is blank");
    }
    baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.trim();
    apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    Objects.requireNonNull(timeout, "timeout");
    if (maxOutputTokens < 1) {
      throw new IllegalArgumentException("maxOutputTokens must be positive: " + maxOutputTokens);
    }
    Objects.requireNonNull(retry, "retry");
  }

  /** {@code provider:model}, as typed on the command line. */
  public String label() {
    return provider.id() + ":" + modelName;
  }

  /** A copy with another retry policy. */
  public ModelSettings withRetry(RetryPolicy policy) {
    return new ModelSettings(
        provider, modelName, baseUrl, apiKey, timeout, maxOutputTokens, policy);
  }

  /** A copy with another base URL. */
  public ModelSettings withBaseUrl(String url) {
    return new ModelSettings(provider, modelName, url, apiKey, timeout, maxOutputTokens, retry);
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "ModelSettings[provider="
        + provider.id()
        + ", model="
        + modelName
        + ", baseUrl="
        + (baseUrl == null ? "(default)" : baseUrl)
        + ", apiKey="
        + (apiKey == null ? "(none)" : "(set)")
        + ", timeout="
        + timeout
        + ", maxOutputTokens="
        + maxOutputTokens
        + "]";
  }
}
