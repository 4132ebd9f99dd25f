package dev.orca.cli.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.cli.MetaTool;
import dev.orca.cli.VersionProvider;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Orca's MCP server over stdio, built on the official MCP Java SDK: lists {@code execute_code} and
 * {@code search_tools} (every meta-tool with {@code allTools}) and answers them with {@link
 * OrcaTools}. Calls that run longer than {@link #PROGRESS_DELAY_MILLIS} send progress notifications
 * when the client asked for them with a {@code progressToken}.
 */
public final class OrcaMcpServer {

  /** When the first progress notification of a long call is sent. */
  public static final long PROGRESS_DELAY_MILLIS = 2_000;

  /** When the kernel starts warming up if no client has asked anything by then. */
  public static final long WARM_UP_FALLBACK_MILLIS = 3_000;

  /** Between progress notifications. */
  public static final long PROGRESS_PERIOD_MILLIS = 2_000;

  private static final String INSTRUCTIONS =
      "Orca is a persistent Java (JShell) kernel. Use execute_code to run Java: variables, methods"
          + " and classes persist between calls, so keep data in variables and print only"
          + " summaries. Use search_tools to find tools and built-ins by keyword.";

  private final OrcaTools tools;
  private final boolean allTools;

  /**
   * Creates the server.
   *
   * @param tools answers the calls
   * @param allTools list every meta-tool, not only the default two
   */
  public OrcaMcpServer(OrcaTools tools, boolean allTools) {
    this.tools = tools;
    this.allTools = allTools;
  }

  /**
   * Serves over the given streams until the client closes its end of {@code in}.
   *
   * @param in requests from the client (the process's stdin)
   * @param out responses to the client (the process's real stdout; nothing else may write to it)
   * @param onStarted runs once, when the server has sent its first message (the answer to {@code
   *     initialize}) or {@link #WARM_UP_FALLBACK_MILLIS} after it started listening, whichever
   *     comes first: it starts the kernel warming up, and a JVM starting beside the answer would
   *     compete with it for the CPU
   * @throws InterruptedException when interrupted while serving
   */
  public void serve(InputStream in, OutputStream out, Runnable onStarted)
      throws InterruptedException {
    CountDownLatch eof = new CountDownLatch(1);
    Runnable warmUp = new Once(onStarted);
    JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(
            mapper, new EofSignal(in, eof), new FirstLineSignal(out, warmUp));
    List<McpServerFeatures.SyncToolSpecification> specs = new ArrayList<>();
    for (MetaTool tool : OrcaTools.listed(allTools)) {
      specs.add(
          McpServerFeatures.SyncToolSpecification.builder()
              .tool(
                  McpSchema.Tool.builder(tool.name(), tool.inputSchema())
                      .description(tool.description())
                      .build())
              .callHandler((exchange, request) -> handle(exchange, request))
              .build());
    }
    McpSyncServer server =
        McpServer.sync(transport)
            .serverInfo("orca", VersionProvider.version())
            .instructions(INSTRUCTIONS)
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .validateToolInputs(false)
            // arguments are checked by OrcaTools with actionable messages; skipping the SDK's
            // schema validator also keeps ~250 classes off the path to the initialize answer
            .jsonSchemaValidator(
                (schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null))
            .requestTimeout(Duration.ofMinutes(5))
            .jsonMapper(mapper)
            .tools(specs)
            .build();
    Thread fallback =
        new Thread(
            () -> {
              try {
                Thread.sleep(WARM_UP_FALLBACK_MILLIS);
                warmUp.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "orca-mcp-warm-up");
    fallback.setDaemon(true);
    fallback.start();
    try {
      eof.await();
    } finally {
      fallback.interrupt();
      server.closeGracefully();
    }
  }

  private McpSchema.CallToolResult handle(
      McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    Object token = request.meta() == null ? null : request.meta().get("progressToken");
    if (token == null) {
      return tools.call(request.name(), request.arguments()).toResult();
    }
    String name = request.name();
    ProgressTicker ticker =
        new ProgressTicker(
            PROGRESS_DELAY_MILLIS,
            PROGRESS_PERIOD_MILLIS,
            seconds ->
                exchange.progressNotification(
                    McpSchema.ProgressNotification.builder(token, seconds)
                        .message(name + " running for " + seconds + " s")
                        .build()));
    try {
      return tools.call(name, request.arguments()).toResult();
    } finally {
      ticker.close();
    }
  }

  /** Runs a task at most once, on whichever thread asks first. */
  private static final class Once implements Runnable {
    private final AtomicBoolean done = new AtomicBoolean();
    private final Runnable task;

    Once(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      if (done.compareAndSet(false, true)) {
        task.run();
      }
    }
  }

  /** Runs a task once the first complete line (JSON-RPC message) has been written and flushed. */
  private static final class FirstLineSignal extends FilterOutputStream {
    private final Runnable task;
    private volatile boolean lineWritten;

    FirstLineSignal(OutputStream out, Runnable task) {
      super(out);
      this.task = task;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      if (b == '\n') {
        lineWritten = true;
      }
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      out.write(buf, off, len);
      for (int i = off; i < off + len && !lineWritten; i++) {
        if (buf[i] == '\n') {
          lineWritten = true;
        }
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush();
      if (lineWritten) {
        task.run();
      }
    }
  }

  /** Counts down a latch when the wrapped stream reaches its end or fails. */
  private static final class EofSignal extends FilterInputStream {
    private final CountDownLatch eof;

    EofSignal(InputStream in, CountDownLatch eof) {
      super(in);
      this.eof = eof;
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        if (b < 0) {
          eof.countDown();
        }
        return b;
      } catch (IOException e) {
        eof.countDown();
        throw e;
      }
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      try {
        int n = super.read(buf, off, len);
        if (n < 0) {
          eof.countDown();
        }
        return n;
      } catch (IOException e) {
        eof.countDown();
        throw e;
      }
    }
  }
}
