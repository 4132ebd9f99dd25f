package dev.orca.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpConfigTest {

  @TempDir Path dir;

  @Test
  void load_readsStdioAndHttpServersWithEnvironmentReferences() throws Exception {
    Path file = dir.resolve("config.toml");
    Files.writeString(
        file,
        "[model]\nname = \"x\"\n\n"
            + "[mcp.servers.everything]\ncommand = \"node\"\nargs = [\"index.js\", \"stdio\"]\n"
            + "env = { API_KEY = \"${SECRET}\", MODE = \"test\" }\ntimeout_seconds = 7\n\n"
            + "[mcp.servers.remote]\nurl = \"http://localhost:3001/mcp\"\n"
            + "headers = { Authorization = \"Bearer ${SECRET}\" }\n");
    List<McpServerConfig> servers = McpConfig.load(file, Map.of("SECRET", "s3cr3t"));
    assertThat(servers).hasSize(2);
    McpServerConfig.Stdio stdio = (McpServerConfig.Stdio) servers.get(0);
    assertThat(stdio.command()).isEqualTo("node");
    assertThat(stdio.args()).containsExactly("index.js", "stdio");
    assertThat(stdio.env()).containsEntry("API_KEY", "s3cr3t").containsEntry("MODE", "test");
    assertThat(stdio.timeout()).isEqualTo(Duration.ofSeconds(7));
    McpServerConfig.Http http = (McpServerConfig.Http) servers.get(1);
    assertThat(http.headers()).containsEntry("Authorization", "Bearer s3cr3t");
    assertThat(http.timeout()).isEqualTo(McpServerConfig.DEFAULT_TIMEOUT);
    assertThat(servers.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void load_missingFileDeclaresNothing() {
    assertThat(McpConfig.load(dir.resolve("none.toml"), Map.of())).isEmpty();
  }

  @Test
  void parse_errorsNameTheServerAndTheFix() {
    assertThatThrownBy(() -> McpConfig.parse("[mcp.servers.a]\nargs = []\n", Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("[mcp.servers.a]")
        .hasMessageContaining("needs either command");
    assertThatThrownBy(() -> McpConfig.parse("[mcp.servers.a]\ncommand = \"${NOPE}\"\n", Map.of()))
        .hasMessageContaining("${NOPE}")
        .hasMessageContaining("not set");
    assertThatThrownBy(() -> McpConfig.parse("[mcp.servers.a]\nurl = \"ftp://x\"\n", Map.of()))
        .hasMessageContaining("http or https");
    assertThatThrownBy(() -> McpConfig.parse("[mcp.servers.a\n", Map.of()))
        .hasMessageContaining("Invalid TOML");
  }
}
