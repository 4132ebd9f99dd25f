package dev.orca.agent.subagent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.kernel.SandboxMode;
import dev.orca.tools.bridge.BridgeRouter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel code calls {@code callSubagent} and {@code mapSubagent}: through a real JShell kernel, the
 * bridge router, the runner and the real OpenAI client to a local fake provider, and the results
 * land in kernel variables.
 */
class SubagentKernelIT {

  @TempDir Path workspace;

  @Test
  void kernelCode_callsSubagents_resultsLandInKernelVariables() throws Exception {
    FakeOpenAi fake =
        new FakeOpenAi(
            body -> {
              String user = FakeOpenAi.lastUser(body);
              return user.contains("BROKEN") ? null : "SUMMARY[" + user + "]";
            },
            0);
    try (MockWebServer server = new MockWebServer();
        BridgeRouter router = new BridgeRouter()) {
      server.setDispatcher(fake);
      server.start();
      dev.orca.agent.provider.ModelSettings settings =
          new dev.orca.agent.provider.ModelSettings(
              dev.orca.agent.provider.Provider.OPENAI,
              "gpt-test",
              server.url("/v1/").toString(),
              "sk-kernel-test",
              Duration.ofSeconds(10),
              512,
              dev.orca.agent.provider.RetryPolicy.NONE);
      SubagentRunner runner =
          SubagentRunner.builder()
              .registry(SubagentRegistry.withBuiltIns())
              .models(
                  new FactoryModelResolver(
                      new dev.orca.agent.provider.ModelFactory(), settings, null, Map.of()))
              .retry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2)))
              .build();
      SubagentBridge.register(router, runner);

      try (JShellKernel kernel =
          JShellKernel.start(
              KernelOptions.defaults(workspace).withBridge(router).withSandbox(SandboxMode.OFF))) {
        ExecutionResult setUp =
            kernel.execute(
                "var doc = \"Alice met Bob in Lisbon.\";\n"
                    + "var transcripts = java.util.List.of(\"one\", \"BROKEN two\", \"three\");\n"
                    + "var summary = callSubagent(\"summarizer\", \"doc\");\n"
                    + "var all = mapSubagent(\"summarizer\", \"transcripts\", 2);");
        assertThat(setUp.ok()).as(setUp.toString()).isTrue();

        ExecutionResult summary = kernel.execute("summary");
        assertThat(summary).isInstanceOf(ExecutionResult.Success.class);
        assertThat(((ExecutionResult.Success) summary).value())
            .contains("SUMMARY[Alice met Bob in Lisbon.]");

        ExecutionResult all =
            kernel.execute(
                "var results = (java.util.List<?>) all.get(\"results\");\n"
                    + "results.size() + \"|\" + ((java.util.Map<?, ?>) results.get(0)).get(\"result\")"
                    + " + \"|\" + ((java.util.Map<?, ?>) results.get(1)).get(\"ok\")");
        assertThat(((ExecutionResult.Success) all).value()).contains("3|SUMMARY[one]|false");
      }
      assertThat(fake.bodies).isNotEmpty();
      for (JsonNode body : fake.bodies) {
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.toString()).doesNotContain(workspace.toString());
      }
    }
  }
}
