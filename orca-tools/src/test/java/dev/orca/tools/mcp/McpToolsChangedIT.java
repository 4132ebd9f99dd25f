package dev.orca.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.testing.ChangingMcpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A server's notifications/tools/list_changed refreshes its tools in the registry. */
class McpToolsChangedIT {

  @Test
  void toolsListChanged_newToolIsRegisteredAndCallable() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    McpServerConfig config =
        new McpServerConfig.Stdio(
            "changing",
            java,
            List.of(
                "-cp", System.getProperty("java.class.path"), ChangingMcpServer.class.getName()),
            Map.of(),
            Duration.ofSeconds(60));
    ToolRegistry registry = ToolRegistry.create();
    Set<ProcessHandle> before = descendants();
    ProcessHandle server;
    try (McpToolSource source =
        new McpToolSource(List.of(config), registry, null, Duration.ofSeconds(90))) {
      source.ensureStarted();
      server = started(before);
      assertThat(registry.get("changing::grow")).as(String.valueOf(source.status())).isPresent();
      assertThat(registry.get("changing::grown")).isEmpty();
      registry.resolve("changing::grow").invoker().invoke(JsonNodeFactory.instance.objectNode());
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (registry.get("changing::grown").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(registry.get("changing::grown")).isPresent();
      assertThat(
              registry
                  .resolve("grown")
                  .invoker()
                  .invoke(JsonNodeFactory.instance.objectNode())
                  .asText())
          .isEqualTo("grown!");
    }
    // Closing waits for the server's process to end: a host that exits right after closing must
    // not leave it running (this server, unlike most, does not exit when its stdin closes).
    assertThat(server.isAlive()).as("the stdio server's process, once closed").isFalse();
  }

  private static Set<ProcessHandle> descendants() {
    return ProcessHandle.current().descendants().collect(Collectors.toSet());
  }

  /** The one process started since {@code before}: the server (its arguments may be unreadable). */
  private static ProcessHandle started(Set<ProcessHandle> before) {
    List<ProcessHandle> started =
        descendants().stream().filter(p -> !before.contains(p) && p.isAlive()).toList();
    assertThat(started).as("processes the source started").hasSize(1);
    return started.get(0);
  }
}
