package dev.orca.tools.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.Tool;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.JShellKernel;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.tools.HostTools;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.bridge.BridgeRouter;
import dev.orca.tools.bridge.CallToolHandler;
import dev.orca.tools.bridge.ToolBridge;
import dev.orca.tools.bridge.ToolStubGenerator;
import dev.orca.tools.mcp.McpServerConfig;
import dev.orca.tools.mcp.McpToolSource;
import dev.orca.tools.search.HybridToolSearch;
import dev.orca.tools.testing.EverythingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kernel code calling host tools and a real MCP server's tools through the bridge. */
class KernelToolCallsIT {

  /** Host tools the kernel calls. */
  public static final class HostSide {
    static final AtomicInteger NOW = new AtomicInteger();
    static final AtomicInteger PEAK = new AtomicInteger();

    @Tool("Adds two integers")
    public long add(long a, long b) {
      int n = NOW.incrementAndGet();
      PEAK.accumulateAndGet(n, Math::max);
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      NOW.decrementAndGet();
      return a + b;
    }

    @Tool("Always fails")
    public String explode() {
      throw new IllegalStateException("boom from the host");
    }

    @Tool("Returns ten megabytes of text")
    public String huge() {
      return "x".repeat(10 * 1024 * 1024);
    }
  }

  private static final int MAX_CONCURRENT = 8;
  private static Kernel kernel;
  private static BridgeRouter router;
  private static ToolRegistry registry;
  private static McpToolSource mcp;

  @BeforeAll
  static void start() throws Exception {
    registry = ToolRegistry.create();
    HostTools.register(registry, new HostSide());
    HybridToolSearch search = HybridToolSearch.over(registry, null);
    List<McpServerConfig> servers = List.of();
    if (EverythingServer.onPath("node")) {
      servers =
          List.of(
              new McpServerConfig.Stdio(
                  "everything",
                  "node",
                  List.of(EverythingServer.script().toString(), "stdio"),
                  Map.of(),
                  Duration.ofSeconds(30)));
    }
    mcp = new McpToolSource(servers, registry, null, Duration.ofSeconds(60));
    router = new BridgeRouter(new BridgeRouter.Settings(MAX_CONCURRENT, Duration.ofSeconds(30)));
    ToolBridge.install(
        router, registry, search, mcp::ensureStarted, CallToolHandler.DEFAULT_MAX_RESULT_BYTES);
    Path workspace = Files.createTempDirectory("orca-kernel-tools");
    kernel = JShellKernel.start(KernelOptions.defaults(workspace).withBridge(router));
  }

  @AfterAll
  static void stop() {
    if (kernel != null) {
      kernel.close();
    }
    if (router != null) {
      router.close();
    }
    if (mcp != null) {
      mcp.close();
    }
  }

  private static String value(String code) {
    ExecutionResult r = kernel.execute(code, Duration.ofSeconds(60));
    assertThat(r).as(r.toString()).isInstanceOf(ExecutionResult.Success.class);
    return ((ExecutionResult.Success) r).value();
  }

  @Test
  void callTool_reachesAHostToolAndTheResultLandsInAVariable() {
    assertThat(value("var sum = callTool(\"add\", Map.of(\"a\", 2, \"b\", 40)); sum"))
        .isEqualTo("42");
    assertThat(value("sum instanceof Number")).isEqualTo("true");
  }

  @Test
  void typedStub_evaluatedIntoTheKernelCallsTheTool() {
    String stub = ToolStubGenerator.generate(registry.resolve("add").spec()).source();
    value(stub);
    assertThat(value("add(20, 22)")).isEqualTo("42");
  }

  @Test
  void searchTools_fromKernelCodeFindsTheToolWithItsSignature() {
    assertThat(value("searchTools(\"add two integers\").get(0).get(\"signature\")"))
        .isEqualTo("\"Object add(Number a, Number b)\"");
  }

  @Test
  void fanOut_twoHundredCallsFromOneCellWithBoundedConcurrency() {
    HostSide.PEAK.set(0);
    String code =
        "var pool = java.util.concurrent.Executors.newFixedThreadPool(12);\n"
            + "var futures = new ArrayList<java.util.concurrent.Future<Object>>();\n"
            + "for (int i = 0; i < 200; i++) { int x = i; futures.add(pool.submit(() -> callTool(\"add\", Map.of(\"a\", x, \"b\", 1)))); }\n"
            + "long total = 0;\n"
            + "for (var f : futures) total += ((Number) f.get()).longValue();\n"
            + "pool.shutdown();\n"
            + "total";
    assertThat(value(code)).isEqualTo("20100");
    assertThat(HostSide.PEAK.get()).isBetween(1, MAX_CONCURRENT);
  }

  @Test
  void failures_throwingUnknownWrongTypesAndHugeResultsAreClearAndTheKernelStaysUsable() {
    value(
        "String errorOf(java.util.function.Supplier<Object> call) {"
            + " try { call.get(); return \"no error\"; }"
            + " catch (RuntimeException e) { return e.getMessage(); } }");
    String catching = "errorOf(() -> %s)";
    assertThat(value(String.format(catching, "callTool(\"explode\", Map.of())")))
        .contains("boom from the host");
    assertThat(value(String.format(catching, "callTool(\"no_such_tool\", Map.of())")))
        .contains("Unknown tool 'no_such_tool'");
    assertThat(
            value(String.format(catching, "callTool(\"add\", Map.of(\"a\", \"two\", \"b\", 1))")))
        .contains("'a' must be an integer");
    assertThat(value(String.format(catching, "callTool(\"huge\", Map.of())")))
        .contains("over the 4.2 MB limit");
    assertThat(value("1 + 1")).isEqualTo("2");
  }

  @Test
  void mcpTool_fromARealServerIsCallableFromKernelCode() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        EverythingServer.onPath("node"), "node is not installed");
    assertThat(value("callTool(\"everything::get-sum\", Map.of(\"a\", 5, \"b\", 7)).toString()"))
        .contains("12");
    value(ToolStubGenerator.generate(registry.resolve("everything::get-sum").spec()).source());
    assertThat(value("everything_get_sum(1, 2).toString()")).contains("3");
  }
}
