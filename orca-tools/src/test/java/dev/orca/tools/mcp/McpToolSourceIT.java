package dev.orca.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.core.OrcaException;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.bridge.CallToolHandler;
import dev.orca.tools.search.HybridToolSearch;
import dev.orca.tools.testing.EverythingServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports and calls the tools of a real MCP server from npm, over stdio and streamable HTTP. */
class McpToolSourceIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path cache;

  private static McpServerConfig.Stdio everythingStdio(String name) throws Exception {
    return new McpServerConfig.Stdio(
        name,
        "node",
        List.of(EverythingServer.script().toString(), "stdio"),
        Map.of(),
        Duration.ofSeconds(30));
  }

  private static JsonNode call(ToolRegistry registry, String tool, String args) throws Exception {
    return new CallToolHandler(registry, CallToolHandler.DEFAULT_MAX_RESULT_BYTES)
        .handle(JSON.readTree("{\"name\":\"" + tool + "\",\"args\":" + args + "}"));
  }

  @Test
  void stdio_importsToolsListsThemInSearchAndCallsThem() throws Exception {
    ToolRegistry registry = ToolRegistry.create();
    HybridToolSearch search = HybridToolSearch.over(registry, null);
    try (McpToolSource source =
        new McpToolSource(
            List.of(everythingStdio("everything")), registry, cache, Duration.ofSeconds(60))) {
      source.ensureStarted();
      assertThat(source.status().get(0).state()).isEqualTo("READY");
      assertThat(registry.get("everything::get-sum")).isPresent();
      assertThat(search.search("get-sum", 1).get(0).spec().id()).isEqualTo("everything::get-sum");
      assertThat(search.search("add two numbers", 3))
          .anyMatch(h -> h.spec().id().equals("everything::get-sum"));

      assertThat(call(registry, "everything::get-sum", "{\"a\":2,\"b\":40}").toString())
          .contains("42");
      assertThat(call(registry, "everything::echo", "{\"message\":\"hi orca\"}").toString())
          .contains("hi orca");
      assertThatThrownBy(() -> call(registry, "everything::get-sum", "{\"a\":\"two\",\"b\":1}"))
          .isInstanceOf(OrcaException.class)
          .hasMessageContaining("'a' must be a number");
    }
    assertThat(Files.isRegularFile(cache.resolve("everything.json"))).isTrue();

    ToolRegistry later = ToolRegistry.create();
    try (McpToolSource cached =
        new McpToolSource(
            List.of(everythingStdio("everything")), later, cache, Duration.ofSeconds(60))) {
      assertThat(later.get("everything::get-sum"))
          .as("tools come from the cache before any connection")
          .isPresent();
      assertThat(cached.status().get(0).state()).isEqualTo("NEW");
      assertThat(call(later, "everything::get-sum", "{\"a\":1,\"b\":1}").toString()).contains("2");
      assertThat(cached.status().get(0).state()).isEqualTo("READY");
    }
  }

  @Test
  void downAndHangingServers_failClearlyWithoutHoldingUpTheOthers() throws Exception {
    McpServerConfig down =
        new McpServerConfig.Stdio(
            "down", "/nonexistent/mcp-server", List.of(), Map.of(), Duration.ofSeconds(5));
    McpServerConfig hang =
        new McpServerConfig.Stdio(
            "hang",
            "node",
            List.of("-e", "setInterval(() => {}, 1000)"),
            Map.of(),
            Duration.ofSeconds(2));
    ToolRegistry registry = ToolRegistry.create();
    try (McpToolSource source =
        new McpToolSource(
            List.of(down, hang, everythingStdio("good")), registry, null, Duration.ofSeconds(60))) {
      long t0 = System.nanoTime();
      source.ensureStarted();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(40));
      Map<String, McpToolSource.ServerStatus> status = new java.util.HashMap<>();
      source.status().forEach(s -> status.put(s.name(), s));
      assertThat(status.get("good").state()).isEqualTo("READY");
      assertThat(status.get("good").tools()).isGreaterThan(5);
      assertThat(status.get("down").state()).isEqualTo("FAILED");
      assertThat(status.get("down").error())
          .contains("MCP server 'down'")
          .contains("/nonexistent/mcp-server");
      assertThat(status.get("hang").state()).isEqualTo("FAILED");
      assertThat(status.get("hang").error())
          .contains("MCP server 'hang'")
          .contains("did not answer within 2 s");
      assertThatThrownBy(() -> source.refresh("hang"))
          .isInstanceOf(OrcaException.class)
          .hasMessageContaining("did not answer within 2 s");
      assertThat(call(registry, "good::get-sum", "{\"a\":1,\"b\":2}").toString()).contains("3");
    }
  }

  @Test
  void streamableHttp_importsAndCallsTools() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessBuilder pb =
        new ProcessBuilder("node", EverythingServer.script().toString(), "streamableHttp");
    pb.environment().put("PORT", Integer.toString(port));
    pb.redirectErrorStream(true);
    Process server = pb.start();
    try {
      CountDownLatch listening = new CountDownLatch(1);
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    if (line.contains("listening")) {
                      listening.countDown();
                    }
                  }
                } catch (java.io.IOException ignored) {
                  // the server was stopped
                }
              });
      reader.setDaemon(true);
      reader.start();
      assertThat(listening.await(60, TimeUnit.SECONDS)).as("server started").isTrue();

      McpServerConfig http =
          new McpServerConfig.Http(
              "remote",
              URI.create("http://127.0.0.1:" + port + "/mcp"),
              Map.of("X-Orca-Test", "1"),
              Duration.ofSeconds(30));
      ToolRegistry registry = ToolRegistry.create();
      try (McpToolSource source =
          new McpToolSource(List.of(http), registry, null, Duration.ofSeconds(60))) {
        source.ensureStarted();
        assertThat(source.status().get(0).state())
            .as(String.valueOf(source.status().get(0).error()))
            .isEqualTo("READY");
        assertThat(call(registry, "remote::get-sum", "{\"a\":20,\"b\":22}").toString())
            .contains("42");
      }
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
      server.destroyForcibly();
    }
  }
}
