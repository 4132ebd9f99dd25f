package dev.orca.agent.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.orca.agent.AgentListener;
import dev.orca.agent.AgentTools;
import dev.orca.agent.FakeKernel;
import dev.orca.agent.ModelClient;
import dev.orca.agent.Orchestrator;
import dev.orca.agent.RunResult;
import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real LangChain4j OpenAI client against a local fake of the Chat Completions API. */
class OpenAiProviderIT {

  static final String KEY = "sk-test-SECRET-0123456789abcdefghij";

  private final FakeProviderServer fake = new FakeProviderServer();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    fake.close();
  }

  private ChatModel model() {
    ModelSettings s =
        new ModelSettings(
            Provider.OPENAI,
            "gpt-test",
            fake.url("/v1"),
            KEY,
            Duration.ofSeconds(10),
            1024,
            new RetryPolicy(
                3, Duration.ofMillis(20), Duration.ofMillis(200), 0.2, Duration.ofSeconds(30)));
    return new ModelFactory(sleeps::add, Retrier.Listener.NONE).chatModel(s);
  }

  private static ChatRequest request() {
    return ChatRequest.builder()
        .messages(UserMessage.from("hi"))
        .toolSpecifications(AgentTools.upfront())
        .build();
  }

  @Test
  void orchestrator_runsParallelToolCallsThroughTheRealClient() {
    fake.enqueue(
        FakeProviderServer.json(
            200,
            OpenAiJson.toolCalls(
                300,
                40,
                "execute_code",
                "{\"code\":\"var n = 3;\"}",
                "search_tools",
                "{\"query\":\"summarize\"}")));
    fake.enqueue(FakeProviderServer.json(200, OpenAiJson.text("n is 3", 350, 5)));
    FakeKernel kernel = FakeKernel.echo();
    Orchestrator o =
        Orchestrator.builder()
            .model(ModelClient.blocking(model(), "openai", "gpt-test"))
            .kernel(kernel)
            .bridge(
                (method, args) ->
                    FakeProviderServer.JSON
                        .createObjectNode()
                        .putArray("results")
                        .addObject()
                        .put("name", "summarizer"))
            .build();

    RunResult r = o.ask("set n", AgentListener.NONE);

    assertThat(r.answer()).isEqualTo("n is 3");
    assertThat(kernel.cells).containsExactly("var n = 3;");
    FakeProviderServer.Seen first = fake.requests().get(0);
    assertThat(first.path()).isEqualTo("/v1/chat/completions");
    assertThat(first.headers().get("Authorization")).isEqualTo("Bearer " + KEY);
    JsonNode tools = first.json().get("tools");
    assertThat(tools).hasSize(2);
    assertThat(tools.get(1).get("function").get("name").asText()).isEqualTo("search_tools");
    JsonNode msgs = fake.requests().get(1).json().get("messages");
    assertThat(msgs.get(msgs.size() - 2).get("role").asText()).isEqualTo("tool");
    assertThat(msgs.get(msgs.size() - 1).get("role").asText()).isEqualTo("tool");
    assertThat(r.inputTokens()).isEqualTo(650);
  }

  @Test
  void chat_retries429HonouringRetryAfterMs() {
    fake.enqueue(
        FakeProviderServer.json(429, OpenAiJson.error("Rate limit reached"))
            .setHeader("retry-after-ms", "1500"));
    fake.enqueue(FakeProviderServer.json(500, OpenAiJson.error("server error")));
    fake.enqueue(FakeProviderServer.json(200, OpenAiJson.text("ok", 1, 1)));

    ChatResponse r = model().chat(request());

    assertThat(r.aiMessage().text()).isEqualTo("ok");
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void chat_failsAtOnceOnForbiddenWithoutTheKey() {
    fake.enqueue(
        FakeProviderServer.json(403, OpenAiJson.error("Incorrect API key provided: " + KEY)));

    assertThatThrownBy(() -> model().chat(request()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OPENAI_API_KEY")
        .satisfies(e -> assertThat(AnthropicProviderIT.stackText(e)).doesNotContain(KEY));
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void chat_reportsMalformedJsonClearly() {
    fake.enqueue(FakeProviderServer.json(200, "{\"choices\": [ {\"message\": "));

    assertThatThrownBy(() -> model().chat(request()))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("could not read");
  }

  @Test
  void chat_refusedRequestIsNotRetried() {
    fake.enqueue(FakeProviderServer.json(400, OpenAiJson.error("context_length_exceeded")));

    assertThatThrownBy(() -> model().chat(request()))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("context_length_exceeded");
    assertThat(fake.requests()).hasSize(1);
  }
}
