package dev.orca.cli.mcp;

import dev.orca.cli.CommonOptions;
import dev.orca.cli.ExitCodes;
import dev.orca.cli.OrcaRuntime;
import dev.orca.cli.sessions.SessionOptions;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code orca mcp}: Orca's kernel as an MCP server on stdio (DESIGN.md §2.4). Stdout carries
 * JSON-RPC only: everything else the process prints goes to stderr. Each server process works in
 * one session ({@code --session NAME}, else a generated name), checkpointed after every successful
 * {@code execute_code}; an existing session is resumed when the kernel starts.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serve Orca's Java kernel to an MCP client over stdio.",
      "Lists execute_code and search_tools; --all-tools lists every meta-tool."
    })
public final class McpCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--all-tools", description = "List every meta-tool, not only the default two.")
  boolean allTools;

  @Mixin SessionOptions session = new SessionOptions();

  @Override
  public Integer call() throws Exception {
    // Keep the real stdout for JSON-RPC; anything else printed (by us or a library) goes to stderr.
    FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
    PrintStream previous = System.out;
    System.setOut(System.err);
    try (OrcaRuntime runtime = OrcaRuntime.open(common, session.request("mcp"))) {
      System.err.println("orca mcp: " + runtime.session().orElseThrow().describe());
      new OrcaMcpServer(new OrcaTools(runtime), allTools)
          .serve(new FileInputStream(FileDescriptor.in), protocolOut, runtime::startKernel);
    } finally {
      System.setOut(previous);
    }
    return ExitCodes.OK;
  }
}
