package dev.orca.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.cli.testing.FakeKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelBridge;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP server in-process over pipes, with a kernel whose start blocks until released: {@code
 * initialize} and {@code tools/list} must not wait for the kernel; the first call does.
 */
class OrcaMcpServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeKernel kernel = new FakeKernel();
  private final CountDownLatch kernelReady = new CountDownLatch(1);
  private OutputStream toServer;
  private BufferedReader fromServer;
  private Thread serverThread;

  private Kernel blockingKernel() {
    try {
      kernelReady.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return kernel;
  }

  private final CountDownLatch warmUpStarted = new CountDownLatch(1);

  private void start(boolean allTools) throws Exception {
    Pipe in = Pipe.open();
    Pipe out = Pipe.open();
    OrcaTools tools =
        new OrcaTools(this::blockingKernel, KernelBridge.NONE, Duration.ofSeconds(30));
    serverThread =
        new Thread(
            () -> {
              try {
                new OrcaMcpServer(tools, allTools)
                    .serve(
                        Channels.newInputStream(in.source()),
                        Channels.newOutputStream(out.sink()),
                        warmUpStarted::countDown);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    serverThread.setDaemon(true);
    serverThread.start();
    toServer = Channels.newOutputStream(in.sink());
    fromServer =
        new BufferedReader(
            new InputStreamReader(Channels.newInputStream(out.source()), StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() throws Exception {
    kernelReady.countDown();
    if (toServer != null) {
      toServer.close();
    }
    if (serverThread != null) {
      serverThread.join(10_000);
    }
  }

  private void send(String json) throws Exception {
    toServer.write((json + "\n").getBytes(StandardCharsets.UTF_8));
    toServer.flush();
  }

  private JsonNode response(int id, long seconds) throws Exception {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                String line;
                while ((line = fromServer.readLine()) != null) {
                  JsonNode node = JSON.readTree(line);
                  if (node.path("id").asInt(-1) == id) {
                    return node;
                  }
                }
                throw new IllegalStateException("server closed");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .get(seconds, TimeUnit.SECONDS);
  }

  private void initialize() throws Exception {
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    JsonNode init = response(1, 10);
    assertThat(init.at("/result/serverInfo/name").asText()).isEqualTo("orca");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  @Test
  void kernelWarmUp_startsAfterTheInitializeAnswer() throws Exception {
    start(false);
    // nothing asked yet: the warm-up (a child JVM) must not compete with the first answer
    assertThat(warmUpStarted.await(500, TimeUnit.MILLISECONDS)).isFalse();
    initialize();
    assertThat(
            warmUpStarted.await(OrcaMcpServer.WARM_UP_FALLBACK_MILLIS / 2, TimeUnit.MILLISECONDS))
        .isTrue();
  }

  @Test
  void kernelWarmUp_startsAnywayWhenNoClientAsks() throws Exception {
    start(false);
    assertThat(
            warmUpStarted.await(
                OrcaMcpServer.WARM_UP_FALLBACK_MILLIS + 5_000, TimeUnit.MILLISECONDS))
        .isTrue();
  }

  @Test
  void initializeAndToolsList_doNotWaitForTheKernel() throws Exception {
    start(false);
    initialize();
    send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
    JsonNode list = response(2, 10);
    assertThat(list.at("/result/tools").size()).isEqualTo(2);
    assertThat(kernel.executed).isEmpty();
    assertThat(kernelReady.getCount()).as("kernel still starting").isEqualTo(1);
  }

  @Test
  void firstCall_waitsForTheKernelThenAnswers() throws Exception {
    start(true);
    initialize();
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"execute_code\",\"arguments\":{\"code\":\"6 * 7\"}}}");
    Thread.sleep(300);
    assertThat(kernel.executed).isEmpty();
    kernelReady.countDown();
    JsonNode call = response(3, 10);
    assertThat(call.at("/result/structuredContent/value").asText()).isEqualTo("6 * 7");
    assertThat(call.at("/result/isError").asBoolean()).isFalse();
    assertThat(call.at("/result/content/0/text").asText()).contains("==> 6 * 7");
  }

  @Test
  void allTools_listsTwelveWithInputSchemas() throws Exception {
    start(true);
    initialize();
    send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}");
    JsonNode tools = response(4, 10).at("/result/tools");
    assertThat(tools.size()).isEqualTo(12);
    for (JsonNode t : tools) {
      assertThat(t.at("/inputSchema/type").asText()).as(t.toString()).isEqualTo("object");
    }
  }
}
