package dev.orca.cli.repl;

import dev.orca.cli.ExitCodes;
import dev.orca.cli.mcp.OrcaTools;
import dev.orca.cli.mcp.ToolAnswer;
import dev.orca.core.OrcaException;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Inspection;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.VariableInfo;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The REPL loop: reads lines, gathers them into complete cells ({@link Kernel#isComplete}), runs
 * them, prints results, and answers {@code :commands}.
 *
 * <p>Exit code: 0 when every cell and command succeeded, 1 when any failed (the REPL goes on after
 * a failure, like a shell script without {@code -e}; the code says whether something went wrong).
 */
final class Repl {

  static final String HELP =
      """
      Type Java: statements, declarations (methods, records, classes, imports) and expressions.
      A cell runs when it is complete; variables and definitions persist between cells.
        :vars            list variables with a one-line summary each
        :inspect NAME    describe a variable (shape, columns, head, size, preview)
        :search QUERY    search tools, functions, agents and meta-tools
        :save NAME       save the kernel's state as a named session
        :load NAME       restore a saved session
        :skills          list learned skills
        :restart         restart the kernel (definitions replayed, variables restored if possible)
        :help            this help
        :quit            leave (also Ctrl-D); Ctrl-C stops a running cell""";

  private final LineSource source;
  private final PrintStream out;
  private final PrintStream err;
  private final Supplier<Kernel> kernel;
  private final OrcaTools tools;
  private final Duration timeout;
  private final Runnable skills;
  private final ResultPrinter printer;
  private volatile boolean running;
  private boolean failed;

  /**
   * Creates a REPL.
   *
   * @param source input lines
   * @param out results
   * @param err errors and the cell's stderr
   * @param kernel the kernel (waits for its start)
   * @param tools answers {@code :search}, {@code :save}, {@code :load}
   * @param timeout each cell's timeout
   * @param skills lists learned skills, or {@code null} when no skill store is attached
   */
  Repl(
      LineSource source,
      PrintStream out,
      PrintStream err,
      Supplier<Kernel> kernel,
      OrcaTools tools,
      Duration timeout,
      Runnable skills) {
    this.source = source;
    this.out = out;
    this.err = err;
    this.kernel = kernel;
    this.tools = tools;
    this.timeout = timeout;
    this.skills = skills;
    this.printer = new ResultPrinter(out, err, source.interactive());
  }

  /** Runs until {@code :quit} or the end of input; returns the exit code. */
  int run() {
    StringBuilder cell = new StringBuilder();
    while (true) {
      String line;
      try {
        line = source.readLine(cell.length() > 0);
      } catch (LineSource.MalformedLineException e) {
        error(
            "input "
                + e.getMessage()
                + "; it was skipped"
                + (cell.length() > 0 ? " and the unfinished cell before it was dropped" : "")
                + ". Save the input as UTF-8.");
        cell.setLength(0);
        continue;
      } catch (LineSource.InterruptedLineException e) {
        cell.setLength(0);
        continue;
      }
      if (line == null) {
        if (cell.length() > 0 && !cell.toString().isBlank()) {
          runCell(cell.toString());
        }
        break;
      }
      if (cell.length() == 0) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
          continue;
        }
        if (trimmed.startsWith(":") && !trimmed.startsWith("::")) {
          if (!command(trimmed)) {
            break;
          }
          continue;
        }
      }
      if (cell.length() > 0) {
        cell.append('\n');
      }
      cell.append(line);
      if (cell.length() > OrcaTools.MAX_CODE_CHARS) {
        error(
            "the cell is longer than "
                + OrcaTools.MAX_CODE_CHARS
                + " characters and was dropped. Split it, or put large data in a file in the"
                + " workspace and read it from code.");
        cell.setLength(0);
        continue;
      }
      String code = cell.toString();
      if (code.isBlank()) {
        cell.setLength(0);
        continue;
      }
      boolean complete;
      try {
        complete = kernel.get().isComplete(code);
      } catch (OrcaException e) {
        error(e.getMessage());
        cell.setLength(0);
        continue;
      }
      if (complete) {
        cell.setLength(0);
        runCell(code);
      }
    }
    // At a terminal the person saw each failure; only scripts report them in the exit code.
    return failed && !source.interactive() ? ExitCodes.FAILED : ExitCodes.OK;
  }

  /** Stops the running cell, if any (Ctrl-C). */
  void interruptRunningCell() {
    if (running) {
      kernel.get().interrupt();
    }
  }

  private void runCell(String code) {
    ExecutionResult result;
    try {
      Kernel k = kernel.get();
      running = true;
      try {
        result = source.whileRunning(() -> k.execute(code, timeout));
      } finally {
        running = false;
      }
    } catch (OrcaException e) {
      error(e.getMessage());
      return;
    }
    if (!printer.print(result)) {
      failed = true;
    }
  }

  /** Answers a {@code :command}; returns {@code false} to leave. */
  private boolean command(String line) {
    String[] parts = line.split("\\s+", 2);
    String name = parts[0];
    String arg = parts.length > 1 ? parts[1].trim() : "";
    try {
      switch (name) {
        case ":quit", ":exit", ":q" -> {
          return false;
        }
        case ":help", ":h", ":?" -> out.println(HELP);
        case ":vars" -> vars();
        case ":inspect" -> inspect(requireArg(name, arg, "NAME"));
        case ":search" ->
            tool("search_tools", Map.of("query", requireArg(name, arg, "QUERY"), "limit", 10));
        case ":save" -> tool("save_session_state", Map.of("name", requireArg(name, arg, "NAME")));
        case ":load" -> tool("load_session_state", Map.of("name", requireArg(name, arg, "NAME")));
        case ":skills" -> {
          if (skills == null) {
            error("skills are not available yet in this Orca build (no skill store is attached).");
          } else {
            skills.run();
          }
        }
        case ":restart" -> out.println(kernel.get().restart().describe());
        default -> error("unknown command " + name + ". Type :help for the commands.");
      }
    } catch (OrcaException e) {
      error(e.getMessage());
    }
    out.flush();
    return true;
  }

  private void vars() {
    List<VariableInfo> vars = kernel.get().variables();
    if (vars.isEmpty() && source.interactive()) {
      out.println("(no variables yet)");
    }
    for (VariableInfo v : vars) {
      out.println(v.type() + " " + v.name() + " = " + v.summary());
    }
  }

  private void inspect(String name) {
    Inspection in = kernel.get().inspect(name);
    out.println(
        in.type()
            + " "
            + in.name()
            + (in.runtimeType().equals(in.type()) ? "" : " (" + in.runtimeType() + ")"));
    out.println(in.summary());
  }

  private void tool(String toolName, Map<String, Object> args) {
    ToolAnswer answer = tools.call(toolName, args);
    if (answer.error()) {
      Object e = answer.structured().get("error");
      String message =
          e instanceof Map<?, ?> m && m.get("message") != null
              ? String.valueOf(m.get("message"))
              : answer.text();
      error(message);
    } else {
      out.println(answer.text());
    }
  }

  private static String requireArg(String command, String arg, String what) {
    if (arg.isEmpty()) {
      throw OrcaException.invalid(command + " needs " + what + ", e.g. " + command + " x");
    }
    return arg;
  }

  private void error(String message) {
    failed = true;
    out.flush();
    err.println("error: " + message);
    err.flush();
  }
}
