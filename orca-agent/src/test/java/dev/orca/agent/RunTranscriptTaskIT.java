package dev.orca.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orca.agent.bench.ContextWorkload;
import dev.orca.agent.bench.TranscriptCorpus;
import dev.orca.agent.context.TokenCounter;
import dev.orca.agent.provider.AnthropicJson;
import dev.orca.agent.provider.FakeProviderServer;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.agent.provider.Provider;
import dev.orca.agent.provider.Retrier;
import dev.orca.agent.provider.RetryPolicy;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.SecretRedactor;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The done-when check of the orchestrator issue: the 100-transcript task through the same code path
 * as {@code orca run} (AgentSession, the real Anthropic client, a real kernel) against a local fake
 * of the Anthropic Messages API.
 */
class RunTranscriptTaskIT {

  private static final String KEY = "sk-ant-test-DONEWHEN-0123456789";
  private static final TokenCounter TOKENS = TokenCounter.o200k();

  @TempDir Path dir;

  @Test
  void run_completesTheTranscriptTaskWithSmallBoundedRequests() throws Exception {
    OrcaHome home = new OrcaHome(dir.resolve("home")).create();
    TranscriptCorpus.write(home.workspace(), 100);
    try (FakeProviderServer fake = new FakeProviderServer();
        Kernel kernel = JShellKernel.start(KernelOptions.defaults(home.workspace()))) {
      for (String cell : ContextWorkload.ORCA_CELLS) {
        fake.enqueue(
            body ->
                reply(
                    body,
                    AnthropicJson.toolUse(
                        0,
                        0,
                        "execute_code",
                        FakeProviderServer.JSON.createObjectNode().put("code", cell).toString())));
      }
      fake.enqueue(body -> reply(body, AnthropicJson.text(answerFrom(body), 0, 0)));
      ModelSettings settings =
          new ModelSettings(
              Provider.ANTHROPIC,
              "claude-test",
              fake.url("/v1/"),
              KEY,
              Duration.ofSeconds(30),
              1024,
              RetryPolicy.DEFAULT);

      RunResult r;
      String sessionId;
      try (AgentSession session =
          AgentSession.open(
              home, kernel, null, settings, AgentConfig.DEFAULTS, false, Retrier.Listener.NONE)) {
        r = session.ask(ContextWorkload.TASK, AgentListener.NONE);
        sessionId = session.sessionId();
      }

      assertThat(r.completed()).as(r.answer()).isTrue();
      assertThat(r.answer())
          .contains("100 transcripts")
          .containsPattern("\\d+ of 100 mention a refund");
      assertThat(fake.requests()).hasSize(5);

      JsonNode first = fake.requests().get(0).json();
      int upfront =
          TOKENS.count(first.get("system").toString())
              + TOKENS.count(first.get("tools").toString());
      assertThat(upfront).as("system + tools of the first request").isLessThan(1_000);
      int largest = 0;
      for (FakeProviderServer.Seen seen : fake.requests()) {
        largest = Math.max(largest, TOKENS.count(seen.body()));
        assertThat(seen.body()).doesNotContain(KEY);
        for (int i = 1; i <= 100; i++) {
          assertThat(seen.body()).doesNotContain(TranscriptCorpus.referenceLine(i));
        }
        assertThat(seen.body()).doesNotContain("Customer: ").doesNotContain("Agent: Thank you");
      }
      assertThat(largest).as("largest request body in o200k tokens").isLessThan(10_000);

      try (HistoryStore history =
          HistoryStore.open(home.historyDb(), new SecretRedactor(Map.of()))) {
        assertThat(history.modelTurns(sessionId)).hasSize(5);
        assertThat(history.executions(sessionId))
            .hasSize(4)
            .allSatisfy(e -> assertThat(e.value().outcome().name()).isEqualTo("OK"));
        assertThat(history.tokenTotals(sessionId).inputTokens()).isEqualTo(r.inputTokens());
      }
      for (Path f : java.nio.file.Files.list(home.root()).toList()) {
        if (f.getFileName().toString().startsWith("history.db")) {
          assertThat(
                  new String(
                      java.nio.file.Files.readAllBytes(f),
                      java.nio.charset.StandardCharsets.ISO_8859_1))
              .as("the key is never stored in " + f.getFileName())
              .doesNotContain(KEY);
        }
      }
    }
  }

  /** A response whose usage is the o200k count of the request, like a real provider's. */
  private static MockResponse reply(JsonNode request, String response) {
    JsonNode json;
    try {
      json = FakeProviderServer.JSON.readTree(response);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("usage"))
        .put("input_tokens", TOKENS.count(request.toString()))
        .put("output_tokens", TOKENS.count(json.get("content").toString()));
    return FakeProviderServer.json(200, json.toString());
  }

  private static String answerFrom(JsonNode request) {
    StringBuilder printed = new StringBuilder();
    for (JsonNode m : request.get("messages")) {
      if (m.get("content").isArray()) {
        for (JsonNode block : m.get("content")) {
          if ("tool_result".equals(block.path("type").asText())) {
            printed.append(block.path("content").toString()).append('\n');
          }
        }
      }
    }
    Matcher count = Pattern.compile("(\\d+) transcripts, \\d+ chars").matcher(printed);
    Matcher refunds = Pattern.compile("(\\d+ of \\d+) mention a refund").matcher(printed);
    return (count.find() ? count.group(1) : "?")
        + " transcripts; "
        + (refunds.find() ? refunds.group(1) : "?")
        + " mention a refund.";
  }
}
