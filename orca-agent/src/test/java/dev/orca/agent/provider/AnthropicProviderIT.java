package dev.orca.agent.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
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

/** The real LangChain4j Anthropic client against a local fake of the Messages API. */
class AnthropicProviderIT {

  static final String KEY = "sk-ant-test-SECRET-0123456789abcdef";

  private final FakeProviderServer fake = new FakeProviderServer();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    fake.close();
  }

  private ModelSettings settings() {
    return new ModelSettings(
        Provider.ANTHROPIC,
        "claude-test",
        fake.url("/v1/"),
        KEY,
        Duration.ofSeconds(10),
        1024,
        new RetryPolicy(
            4, Duration.ofMillis(20), Duration.ofMillis(200), 0.2, Duration.ofSeconds(30)));
  }

  private ChatModel model() {
    return new ModelFactory(sleeps::add, Retrier.Listener.NONE).chatModel(settings());
  }

  private static ChatRequest request() {
    return ChatRequest.builder()
        .messages(UserMessage.from("hi"))
        .toolSpecifications(AgentTools.upfront())
        .build();
  }

  @Test
  void chat_sendsTwoToolsAndParsesToolUse() {
    fake.enqueue(
        FakeProviderServer.json(
            200, AnthropicJson.toolUse(321, 45, "execute_code", "{\"code\":\"1 + 1\"}")));

    ChatResponse r = model().chat(request());

    AiMessage ai = r.aiMessage();
    assertThat(ai.toolExecutionRequests()).hasSize(1);
    assertThat(ai.toolExecutionRequests().get(0).name()).isEqualTo("execute_code");
    assertThat(ai.toolExecutionRequests().get(0).arguments()).contains("1 + 1");
    assertThat(r.tokenUsage().inputTokenCount()).isEqualTo(321);
    FakeProviderServer.Seen seen = fake.requests().get(0);
    assertThat(seen.path()).isEqualTo("/v1/messages");
    assertThat(seen.headers().get("x-api-key")).isEqualTo(KEY);
    JsonNode body = seen.json();
    assertThat(body.get("model").asText()).isEqualTo("claude-test");
    assertThat(body.get("tools")).hasSize(2);
    assertThat(body.get("tools").get(0).get("name").asText()).isEqualTo("execute_code");
    assertThat(body.get("tools").get(0).get("input_schema").get("required").get(0).asText())
        .isEqualTo("code");
  }

  @Test
  void orchestrator_runsAMultiToolTurnThroughTheRealClient() {
    fake.enqueue(
        FakeProviderServer.json(
            200,
            AnthropicJson.toolUse(
                400,
                60,
                "execute_code",
                "{\"code\":\"var a = 1;\"}",
                "execute_code",
                "{\"code\":\"var b = 2;\"}")));
    fake.enqueue(FakeProviderServer.json(200, AnthropicJson.text("a and b are set", 500, 10)));
    FakeKernel kernel = FakeKernel.echo();
    Orchestrator o =
        Orchestrator.builder()
            .model(ModelClient.blocking(model(), "anthropic", "claude-test"))
            .kernel(kernel)
            .build();

    RunResult r = o.ask("set a and b", AgentListener.NONE);

    assertThat(r.completed()).isTrue();
    assertThat(r.answer()).isEqualTo("a and b are set");
    assertThat(kernel.cells).containsExactly("var a = 1;", "var b = 2;");
    assertThat(r.inputTokens()).isEqualTo(900);
    assertThat(r.outputTokens()).isEqualTo(70);
    JsonNode second = fake.requests().get(1).json();
    JsonNode lastUser = second.get("messages").get(second.get("messages").size() - 1);
    assertThat(lastUser.get("role").asText()).isEqualTo("user");
    assertThat(lastUser.get("content")).hasSize(2);
    assertThat(lastUser.get("content").get(0).get("type").asText()).isEqualTo("tool_result");
    assertThat(lastUser.get("content").get(0).toString()).contains("ran: var a = 1;");
    assertThat(second.toString()).doesNotContain(KEY);
  }

  @Test
  void chat_retries429HonouringRetryAfter() {
    fake.enqueue(
        FakeProviderServer.json(429, AnthropicJson.error("rate_limit_error", "slow down"))
            .setHeader("retry-after", "7"));
    fake.enqueue(FakeProviderServer.json(200, AnthropicJson.text("ok", 1, 1)));

    ChatResponse r = model().chat(request());

    assertThat(r.aiMessage().text()).isEqualTo("ok");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void chat_retriesOverload529And500WithBackoff() {
    fake.enqueue(
        FakeProviderServer.json(529, AnthropicJson.error("overloaded_error", "Overloaded")));
    fake.enqueue(FakeProviderServer.json(500, AnthropicJson.error("api_error", "boom")));
    fake.enqueue(FakeProviderServer.json(200, AnthropicJson.text("ok", 1, 1)));

    ChatResponse r = model().chat(request());

    assertThat(r.aiMessage().text()).isEqualTo("ok");
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(16), Duration.ofMillis(24));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(32), Duration.ofMillis(48));
  }

  @Test
  void chat_retriesAConnectionReset() throws Exception {
    String ok = AnthropicJson.text("ok", 1, 1);
    try (java.net.ServerSocket server = new java.net.ServerSocket(0)) {
      Thread t =
          new Thread(
              () -> {
                try {
                  try (java.net.Socket first = server.accept()) {
                    first.setSoLinger(true, 0);
                    first.getInputStream().read(new byte[1024]);
                  }
                  try (java.net.Socket second = server.accept()) {
                    java.io.InputStream in = second.getInputStream();
                    StringBuilder head = new StringBuilder();
                    while (!head.toString().contains("\r\n\r\n")) {
                      head.append((char) in.read());
                    }
                    java.util.regex.Matcher m =
                        java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                            .matcher(head);
                    int len = m.find() ? Integer.parseInt(m.group(1)) : 0;
                    in.readNBytes(len);
                    byte[] body = ok.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    second
                        .getOutputStream()
                        .write(
                            ("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                                    + "content-length: "
                                    + body.length
                                    + "\r\nconnection: close\r\n\r\n")
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    second.getOutputStream().write(body);
                    second.getOutputStream().flush();
                  }
                } catch (java.io.IOException e) {
                  // the test's assertions report it
                }
              });
      t.setDaemon(true);
      t.start();
      ModelSettings s =
          settings().withBaseUrl("http://localhost:" + server.getLocalPort() + "/v1/");
      ChatModel resetting = new ModelFactory(sleeps::add, Retrier.Listener.NONE).chatModel(s);

      assertThat(resetting.chat(request()).aiMessage().text()).isEqualTo("ok");
      assertThat(sleeps).hasSize(1);
    }
  }

  @Test
  void chat_givesUpAfterMaxAttemptsWithARetriableError() {
    for (int i = 0; i < 4; i++) {
      fake.enqueue(FakeProviderServer.json(503, AnthropicJson.error("api_error", "unavailable")));
    }
    assertThatThrownBy(() -> model().chat(request()))
        .isInstanceOf(OrcaException.class)
        .isNotInstanceOf(ConfigurationException.class)
        .hasMessageContaining("failed after 4 attempt(s)")
        .hasMessageContaining("HTTP 503")
        .satisfies(e -> assertThat(((OrcaException) e).retriable()).isTrue());
    assertThat(fake.requests()).hasSize(4);
  }

  @Test
  void chat_failsAtOnceOnAuthErrorsWithoutTheKey() {
    fake.enqueue(
        FakeProviderServer.json(
            401, AnthropicJson.error("authentication_error", "invalid x-api-key " + KEY)));

    assertThatThrownBy(() -> model().chat(request()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ANTHROPIC_API_KEY")
        .hasMessageContaining("HTTP 401")
        .satisfies(e -> assertThat(stackText(e)).doesNotContain(KEY));
    assertThat(fake.requests()).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void chat_reportsAMalformedResponseClearly() {
    fake.enqueue(FakeProviderServer.json(200, "<html>proxy login</html>"));

    assertThatThrownBy(() -> model().chat(request()))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("could not read");
  }

  @Test
  void orchestrator_endsWithModelFailedOnPersistentOverload() {
    for (int i = 0; i < 4; i++) {
      fake.enqueue(
          FakeProviderServer.json(529, AnthropicJson.error("overloaded_error", "Overloaded")));
    }
    Orchestrator o =
        Orchestrator.builder()
            .model(ModelClient.blocking(model(), "anthropic", "claude-test"))
            .kernel(FakeKernel.echo())
            .build();

    RunResult r = o.ask("t", AgentListener.NONE);

    assertThat(r.outcome()).isEqualTo(RunResult.Outcome.MODEL_FAILED);
    assertThat(r.answer()).contains("HTTP 529").doesNotContain(KEY);
  }

  static String stackText(Throwable e) {
    java.io.StringWriter w = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }
}
