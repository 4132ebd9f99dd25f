package dev.orca.agent.subagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orca.agent.provider.ModelFactory;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.agent.provider.Provider;
import dev.orca.core.OrcaHome;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sub-agents at the HTTP level: the real LangChain4j OpenAI client (built by Orca's model factory)
 * against a local fake of the Chat Completions API.
 */
class SubagentHttpIT {

  private static final String API_KEY = "sk-test-DO-NOT-LEAK-4242";
  private static final RetryPolicy RETRY =
      new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

  private final MockWebServer server = new MockWebServer();
  private final Fixtures.RecordingAccounting accounting = new Fixtures.RecordingAccounting();

  @TempDir Path tmp;

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private SubagentRunner runner(String baseUrl) {
    ModelSettings settings =
        new ModelSettings(
            Provider.OPENAI,
            "gpt-test",
            baseUrl,
            API_KEY,
            Duration.ofSeconds(10),
            1024,
            dev.orca.agent.provider.RetryPolicy.NONE);
    return SubagentRunner.builder()
        .registry(SubagentRegistry.withBuiltIns())
        .models(new FactoryModelResolver(new ModelFactory(), settings, null, Map.of()))
        .accounting(accounting)
        .retry(RETRY)
        .build();
  }

  private SubagentRunner start(FakeOpenAi fake) throws Exception {
    server.setDispatcher(fake);
    server.start();
    return runner(server.url("/v1/").toString());
  }

  @Test
  void call_requestHoldsOnlyThePromptAndTheHandedData() throws Exception {
    FakeOpenAi fake = new FakeOpenAi(body -> "Two people met.", 0);
    SubagentRunner runner = start(fake);
    OrcaHome home = new OrcaHome(tmp.resolve("home")).create();
    // What an orchestrator holds, none of which may reach the sub-agent:
    String task = "TASK: summarise every transcript in the workspace and rank the speakers";
    List<String> orchestratorHistory =
        List.of(task, "execute_code: var transcripts = loadAll();", "ORCH-TURN-7 result");
    assertThat(orchestratorHistory).isNotEmpty();

    SubagentResult result = runner.call("summarizer", null, "Alice met Bob in Lisbon on 3 March.");

    assertThat(result.text()).isEqualTo("Two people met.");
    assertThat(fake.bodies).hasSize(1);
    JsonNode messages = fake.bodies.get(0).path("messages");
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
    assertThat(messages.get(0).path("content").asText())
        .isEqualTo(SubagentRegistry.withBuiltIns().get("summarizer").systemPrompt());
    assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
    assertThat(messages.get(1).path("content").asText())
        .isEqualTo("Alice met Bob in Lisbon on 3 March.");
    String raw = fake.rawBodies.get(0);
    assertThat(raw)
        .doesNotContain("TASK:")
        .doesNotContain("ORCH-TURN")
        .doesNotContain("execute_code")
        .doesNotContain(API_KEY)
        .doesNotContain(home.root().toString())
        .doesNotContain(System.getProperty("user.home"))
        .doesNotContain(System.getProperty("user.dir"));
    assertThat(fake.bodies.get(0).has("tools")).isFalse();
    assertThat(fake.authorizations.get(0)).isEqualTo("Bearer " + API_KEY);
    assertThat(result.inputTokens()).isEqualTo(raw.length() / 4);
  }

  @Test
  void call_consecutiveCallsAreIsolated() throws Exception {
    FakeOpenAi fake =
        new FakeOpenAi(
            body ->
                body.toString().contains("code reviewer")
                    ? "{\"issues\":[]}"
                    : "ANSWER about " + FakeOpenAi.lastUser(body),
            0);
    SubagentRunner runner = start(fake);

    runner.call("summarizer", null, "FIRST-DOCUMENT secret content");
    runner.call("code_reviewer", null, "public final class A {}");
    runner.call("summarizer", null, "THIRD-DOCUMENT");

    assertThat(fake.rawBodies).hasSize(3);
    String third = fake.rawBodies.get(2);
    assertThat(third)
        .doesNotContain("FIRST-DOCUMENT")
        .doesNotContain("ANSWER about")
        .doesNotContain("public final class A")
        .contains("THIRD-DOCUMENT");
    assertThat(fake.bodies.get(2).path("messages")).hasSize(2);
  }

  @Test
  void map_hundredItemsConcurrencyEight_plantedFailureReportedForItsItemOnly() throws Exception {
    FakeOpenAi fake =
        new FakeOpenAi(
            body -> {
              String user = FakeOpenAi.lastUser(body);
              return user.contains("transcript #42:")
                  ? null
                  : "summary of " + user.substring(0, user.indexOf(':'));
            },
            20);
    SubagentRunner runner = start(fake);
    List<MapItem> items = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      items.add(MapItem.ofText("transcript #" + i + ": speaker A talks about topic " + i));
    }
    AtomicInteger progress = new AtomicInteger();

    runner.call("summarizer", null, "transcript #warm-up: hello");
    fake.bodies.clear();
    long t0 = System.nanoTime();
    MapResult result =
        runner.map("summarizer", items, 8, (item, done, total) -> progress.incrementAndGet());
    System.out.println("fan-out wall ms " + (System.nanoTime() - t0) / 1_000_000);

    assertThat(result.items()).hasSize(100);
    assertThat(result.failed()).isEqualTo(1);
    for (MapResult.Item item : result.items()) {
      assertThat(item.index()).isEqualTo(result.items().indexOf(item));
      if (item.index() == 42) {
        assertThat(item.ok()).isFalse();
        assertThat(item.error())
            .contains("Sub-agent 'summarizer' is unavailable")
            .contains("failed 3 attempts");
      } else {
        assertThat(item.ok()).isTrue();
        assertThat(item.result().asText()).isEqualTo("summary of transcript #" + item.index());
      }
    }
    long attemptsFor42 =
        fake.bodies.stream().filter(b -> FakeOpenAi.lastUser(b).contains("#42:")).count();
    assertThat(attemptsFor42).isEqualTo(3);
    assertThat(fake.bodies).hasSize(99 + 3);
    assertThat(fake.maxInFlight.get()).isLessThanOrEqualTo(8).isGreaterThan(1);
    assertThat(progress.get()).isEqualTo(100);
    assertThat(accounting.calls).hasSize(101);
    assertThat(accounting.calls)
        .filteredOn(c -> c.outcome() == SubagentCall.Outcome.UNAVAILABLE)
        .hasSize(1);
    for (JsonNode body : fake.bodies) {
      assertThat(body.path("messages")).hasSize(2);
    }
  }

  @Test
  void call_overBudget_refusedBeforeAnythingIsSent() throws Exception {
    FakeOpenAi fake = new FakeOpenAi(body -> "never", 0);
    SubagentRunner runner = start(fake);
    String source = "int x = 1; // filler\n".repeat(3_000);

    assertThatThrownBy(() -> runner.call("code_reviewer", null, source))
        .isInstanceOf(SubagentException.class)
        .hasMessageContaining("refused the data before sending it");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void call_serverKeepsFailing_clearErrorAfterRetries() throws Exception {
    FakeOpenAi fake = new FakeOpenAi(body -> null, 0);
    SubagentRunner runner = start(fake);

    assertThatThrownBy(() -> runner.call("summarizer", null, "anything"))
        .isInstanceOf(SubagentException.class)
        .hasMessageContaining("is unavailable")
        .hasMessageContaining("failed 3 attempts")
        .hasMessageContaining("Carry on without this result");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void call_rateLimitedWithRetryAfter_waitsAsAskedThenSucceeds() throws Exception {
    AtomicInteger n = new AtomicInteger();
    FakeOpenAi fake =
        new FakeOpenAi(body -> n.incrementAndGet() == 1 ? FakeOpenAi.RATE_LIMITED : "ok", 0);
    SubagentRunner runner = start(fake);

    assertThat(runner.call("summarizer", null, "data").text()).isEqualTo("ok");
    assertThat(fake.arrivals).hasSize(2);
    long gapMillis = (fake.arrivals.get(1) - fake.arrivals.get(0)) / 1_000_000;
    assertThat(gapMillis).isGreaterThanOrEqualTo(900); // retry-after: 1, not the 5 ms backoff
  }

  @Test
  void call_nothingListening_clearErrorAfterRetries() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    SubagentRunner runner = runner("http://127.0.0.1:" + port + "/v1/");

    assertThatThrownBy(() -> runner.call("summarizer", null, "anything"))
        .isInstanceOf(SubagentException.class)
        .hasMessageContaining("Sub-agent 'summarizer' is unavailable")
        .hasMessageContaining("failed 3 attempts");
    assertThat(accounting.calls.get(0).outcome()).isEqualTo(SubagentCall.Outcome.UNAVAILABLE);
  }
}
