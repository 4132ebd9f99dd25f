package dev.orca.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.cli.testing.OrcaProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar's {@code orca mcp} writes nothing but JSON-RPC to stdout, even when kernel code
 * prints and the kernel logs, and exits 0 when the client closes stdin.
 */
class McpStdoutIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void stdout_carriesOnlyJsonRpc() throws Exception {
    Process p =
        new ProcessBuilder(OrcaProcess.fromShadedJar("mcp", "--home", home.toString()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> lines = new ArrayList<>();
    OutputStream in = p.getOutputStream();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      send(
          in,
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
              + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
      lines.add(out.readLine());
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      send(
          in,
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
              + "\"execute_code\",\"arguments\":{\"code\":\"System.out.println(\\\"noise\\\");"
              + " System.err.println(\\\"more\\\"); 7\"}}}");
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (JSON.readTree(line).path("id").asInt() == 2) {
          break;
        }
      }
      in.close();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    } finally {
      p.destroyForcibly();
    }
    assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
    for (String l : lines) {
      JsonNode node = JSON.readTree(l);
      assertThat(node.path("jsonrpc").asText()).as(l).isEqualTo("2.0");
    }
    JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
    assertThat(last.at("/result/structuredContent/value").asText()).isEqualTo("7");
    assertThat(last.at("/result/structuredContent/stdout").asText()).isEqualTo("noise\n");
  }

  private static void send(OutputStream in, String json) throws Exception {
    in.write((json + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }
}
