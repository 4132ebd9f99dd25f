package dev.orca.agent.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.agent.AgentListener;
import dev.orca.agent.FakeKernel;
import dev.orca.agent.ModelClient;
import dev.orca.agent.Orchestrator;
import dev.orca.agent.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streamed answers through the real LangChain4j OpenAI streaming client and Orca's retries. */
class OpenAiStreamingIT {

  private final FakeProviderServer fake = new FakeProviderServer();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    fake.close();
  }

  private static String chunk(String delta, String finish) {
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-test\","
        + "\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + (finish == null ? "null" : "\"" + finish + "\"")
        + "}]}\n\n";
  }

  @Test
  void streaming_deliversPartialTextAndRetriesBeforeTheFirstToken() {
    fake.enqueue(FakeProviderServer.json(503, OpenAiJson.error("busy")));
    fake.enqueue(
        new MockResponse()
            .setHeader("content-type", "text/event-stream")
            .setBody(
                chunk("{\"role\":\"assistant\",\"content\":\"Hel\"}", null)
                    + chunk("{\"content\":\"lo there\"}", null)
                    + chunk("{}", "stop")
                    + "data: [DONE]\n\n"));
    ModelSettings s =
        new ModelSettings(
            Provider.OPENAI,
            "gpt-test",
            fake.url("/v1"),
            "sk-test-stream-0123456789abcdef",
            Duration.ofSeconds(10),
            256,
            new RetryPolicy(
                3, Duration.ofMillis(10), Duration.ofMillis(100), 0.2, Duration.ofSeconds(5)));
    ModelFactory factory = new ModelFactory(sleeps::add, Retrier.Listener.NONE);
    ModelClient client =
        ModelClient.streaming(factory.streamingModel(s), factory.retrier(s), "openai", "gpt-test");
    List<String> parts = new CopyOnWriteArrayList<>();
    Orchestrator o = Orchestrator.builder().model(client).kernel(FakeKernel.echo()).build();

    RunResult r =
        o.ask(
            "greet",
            new AgentListener() {
              @Override
              public void partialText(String text) {
                parts.add(text);
              }
            });

    assertThat(r.completed()).isTrue();
    assertThat(r.answer()).isEqualTo("Hello there");
    assertThat(parts).containsExactly("Hel", "lo there");
    assertThat(sleeps).hasSize(1);
    assertThat(fake.requests()).hasSize(2);
    assertThat(fake.requests().get(1).json().get("stream").asBoolean()).isTrue();
  }
}
