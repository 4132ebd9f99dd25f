package dev.orca.skills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orca.agent.provider.ModelFactory;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.agent.provider.Provider;
import dev.orca.agent.provider.RetryPolicy;
import dev.orca.agent.subagent.SubagentRegistry;
import dev.orca.core.OrcaHome;
import dev.orca.skills.generate.FunctionRequest;
import dev.orca.skills.runtime.SkillsSetup;
import dev.orca.skills.store.SkillName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Self-evolution against a local fake OpenAI-compatible provider, through the real client. */
class SkillsHttpIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "sk-test-secret-key-123";

  @TempDir Path tmp;

  @Test
  void generateFunction_overHttp_deploysThroughTheRealClient() throws Exception {
    SubagentRegistry builtIns = SubagentRegistry.withBuiltIns();
    Map<String, String> answers =
        Map.of(
            "code_generator", Fixtures.CLAMP,
            "test_generator", Fixtures.CLAMP_TEST,
            "code_reviewer", Fixtures.REVIEW_CLEAN);
    List<String> agentsCalled = new CopyOnWriteArrayList<>();
    List<String> bodies = new CopyOnWriteArrayList<>();
    List<String> auth = new CopyOnWriteArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              try {
                String raw = request.getBody().readUtf8();
                bodies.add(raw);
                auth.add(String.valueOf(request.getHeader("Authorization")));
                JsonNode body = JSON.readTree(raw);
                String system = body.path("messages").path(0).path("content").asText();
                String agent =
                    builtIns.all().stream()
                        .filter(s -> system.startsWith(s.systemPrompt()))
                        .map(s -> s.name())
                        .findFirst()
                        .orElse("unknown");
                agentsCalled.add(agent);
                return completion(answers.getOrDefault(agent, "?"));
              } catch (Exception e) {
                return new MockResponse().setResponseCode(400).setBody(e.toString());
              }
            }
          });
      server.start();
      ModelSettings settings =
          new ModelSettings(
              Provider.OPENAI,
              "gpt-test",
              server.url("/v1/").toString(),
              KEY,
              Duration.ofSeconds(20),
              4096,
              RetryPolicy.NONE);
      OrcaHome home = new OrcaHome(tmp.resolve("home")).create();
      SkillService service =
          SkillsSetup.service(
              home,
              new ModelFactory().chatModel(settings),
              settings.label(),
              null,
              ApprovalPrompt.NONE,
              SkillsConfig.defaults());

      FunctionResult r =
          service.generateFunction(
              new FunctionRequest(
                  new SkillName("clamp"),
                  "Clamps an int value into the range [low, high].",
                  List.of(TextNode.valueOf("clamp(50, 1, 9) -> 9"))));

      assertThat(r.deployed()).as("%s", r).isTrue();
      assertThat(r.rounds()).isEqualTo(1);
      assertThat(r.tokens()).isPositive();
      assertThat(agentsCalled).containsExactly("code_generator", "test_generator", "code_reviewer");
      assertThat(bodies.get(0)).contains("Clamps an int value into the range");
      assertThat(bodies).noneMatch(b -> b.contains(KEY));
      assertThat(auth).allMatch(a -> a.equals("Bearer " + KEY));
      assertThat(home.functionsDir().resolve("Clamp.java"))
          .content()
          .contains("// generator: code_generator (openai:gpt-test)");
    }
  }

  private static MockResponse completion(String text) throws Exception {
    ObjectNode out = JSON.createObjectNode();
    out.put("id", "chatcmpl-1");
    out.put("object", "chat.completion");
    out.put("created", 1_700_000_000L);
    out.put("model", "gpt-test");
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", text);
    choice.put("finish_reason", "stop");
    out.putObject("usage")
        .put("prompt_tokens", 100)
        .put("completion_tokens", 50)
        .put("total_tokens", 150);
    return new MockResponse()
        .setHeader("Content-Type", "application/json")
        .setBody(JSON.writeValueAsString(out));
  }
}
