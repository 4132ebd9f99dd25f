package dev.orca.agent.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.orca.agent.provider.internal.ProviderHttpException;
import dev.orca.agent.provider.internal.RetryAfter;
import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {
  private static final String KEY = "sk-unit-SECRET-abcdefghijklmnop";
  private final List<Duration> sleeps = new ArrayList<>();

  private Retrier retrier(int attempts) {
    ModelSettings s =
        new ModelSettings(
            Provider.OPENAI,
            "gpt",
            null,
            KEY,
            Duration.ofSeconds(5),
            100,
            new RetryPolicy(
                attempts,
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                0.5,
                Duration.ofSeconds(60)));
    return new Retrier(s, sleeps::add, new Random(1), Retrier.Listener.NONE);
  }

  @Test
  void call_retriesTransientFailuresWithJitteredExponentialBackoff() {
    AtomicInteger calls = new AtomicInteger();
    String r =
        retrier(5)
            .call(
                () -> {
                  if (calls.incrementAndGet() < 4) {
                    throw new InternalServerException(
                        new ProviderHttpException(502, "bad gateway", null));
                  }
                  return "ok";
                });
    assertThat(r).isEqualTo("ok");
    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(150));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
    assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(600));
  }

  @Test
  void call_honoursRetryAfterAndGivesUpWhenItIsTooLong() {
    AtomicInteger calls = new AtomicInteger();
    retrier(3)
        .call(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new RateLimitException(
                    new ProviderHttpException(429, "slow", Duration.ofSeconds(3)));
              }
              return "ok";
            });
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));

    assertThatThrownBy(
            () ->
                retrier(3)
                    .call(
                        () -> {
                          throw new RateLimitException(
                              new ProviderHttpException(429, "quota", Duration.ofHours(1)));
                        }))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("asked to wait 3600 s");
  }

  @Test
  void call_authenticationFailsAtOnceWithoutTheKey() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                retrier(5)
                    .call(
                        () -> {
                          calls.incrementAndGet();
                          throw new AuthenticationException(
                              new ProviderHttpException(401, "bad key " + KEY, null));
                        }))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OPENAI_API_KEY")
        .hasMessageNotContaining(KEY)
        .hasNoCause();
    assertThat(calls).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void call_exhaustedRetriesAreRetriableAndRedacted() {
    assertThatThrownBy(
            () ->
                retrier(2)
                    .call(
                        () -> {
                          throw new InternalServerException(
                              new ProviderHttpException(503, "down, key was " + KEY, null));
                        }))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("failed after 2 attempt(s)")
        .hasMessageNotContaining(KEY)
        .satisfies(e -> assertThat(((OrcaException) e).retriable()).isTrue());
  }

  @Test
  void retryAfter_readsSecondsMillisecondsAndHttpDates() {
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    assertThat(RetryAfter.parse(Map.of("Retry-After", List.of("12")), now))
        .isEqualTo(Duration.ofSeconds(12));
    assertThat(RetryAfter.parse(Map.of("retry-after-ms", List.of("250")), now))
        .isEqualTo(Duration.ofMillis(250));
    assertThat(
            RetryAfter.parse(Map.of("retry-after", List.of("Thu, 26 Nov 2026 10:00:30 GMT")), now))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse(Map.of(), now)).isNull();
  }

  @Test
  void secrets_redactKnownKeysAndKeyShapedText() {
    assertThat(Secrets.redact("key " + KEY + " and sk-ant-api03-abcdefghijklmnopqrstu", KEY))
        .isEqualTo("key [REDACTED] and [REDACTED]");
  }
}
