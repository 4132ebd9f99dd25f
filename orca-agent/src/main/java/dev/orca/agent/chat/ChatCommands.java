package dev.orca.agent.chat;

import dev.orca.agent.Orchestrator;
import dev.orca.agent.TurnUsage;
import dev.orca.agent.internal.ToolResults;
import dev.orca.core.OrcaHome;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.VariableInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The chat's slash commands ({@code /vars}, {@code /tokens}, {@code /skills}, {@code /save NAME},
 * {@code /load NAME}, {@code /help}) and its status line. Answers are plain text; the CLI prints
 * them.
 */
public final class ChatCommands {

  /** The help text. */
  public static final String HELP =
      String.join(
          "\n",
          "Type a request and Orca works on it in the kernel. Ctrl-C stops the current step;",
          "Ctrl-D (or /exit) leaves. Commands:",
          "  /vars          the kernel's variables",
          "  /tokens        tokens used this session, per turn",
          "  /skills        learned functions and agents in this home",
          "  /save NAME     save the kernel's state as a session",
          "  /load NAME     restore a saved session into the kernel",
          "  /help          this text",
          "  /exit          leave");

  private final Orchestrator orchestrator;
  private final OrcaHome home;

  /**
   * Creates the commands.
   *
   * @param orchestrator the session's orchestrator
   * @param home the Orca home
   */
  public ChatCommands(Orchestrator orchestrator, OrcaHome home) {
    this.orchestrator = Objects.requireNonNull(orchestrator, "orchestrator");
    this.home = Objects.requireNonNull(home, "home");
  }

  /** Whether a line is a command (starts with {@code /}). */
  public static boolean isCommand(String line) {
    return line.strip().startsWith("/");
  }

  /** Whether a line asks to leave. */
  public static boolean isExit(String line) {
    String t = line.strip();
    return t.equals("/exit") || t.equals("/quit");
  }

  /**
   * Runs a command.
   *
   * @param line the line, e.g. {@code /save mywork}
   * @return what to print
   */
  public String run(String line) {
    String[] parts = line.strip().split("\\s+", 2);
    String arg = parts.length > 1 ? parts[1].strip() : "";
    switch (parts[0]) {
      case "/help":
        return HELP;
      case "/vars":
        return vars();
      case "/tokens":
        return tokens();
      case "/skills":
        return skills();
      case "/save":
        return session("saveSessionState", arg, "/save NAME");
      case "/load":
        return session("loadSessionState", arg, "/load NAME");
      default:
        return "Unknown command " + parts[0] + ". " + HELP;
    }
  }

  /**
   * The status line: model, tokens this session, kernel variables.
   *
   * @return the line
   */
  public String status() {
    int vars;
    try {
      vars = orchestrator.kernel().variables().size();
    } catch (RuntimeException e) {
      vars = -1;
    }
    return String.format(
        Locale.ROOT,
        "%s | %,d tokens | %s",
        orchestrator.modelLabel(),
        orchestrator.sessionInputTokens() + orchestrator.sessionOutputTokens(),
        vars < 0 ? "kernel starting" : vars + (vars == 1 ? " variable" : " variables"));
  }

  private String vars() {
    List<VariableInfo> vars = orchestrator.kernel().variables();
    if (vars.isEmpty()) {
      return "(no variables)";
    }
    StringBuilder sb = new StringBuilder();
    for (VariableInfo v : vars) {
      sb.append(v.name())
          .append(" : ")
          .append(v.type())
          .append(" = ")
          .append(v.summary())
          .append('\n');
    }
    return sb.toString().strip();
  }

  private String tokens() {
    List<TurnUsage> turns = orchestrator.sessionTurns();
    if (turns.isEmpty()) {
      return "No model turns yet.";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%d turns: %,d input + %,d output tokens%n",
            turns.size(),
            orchestrator.sessionInputTokens(),
            orchestrator.sessionOutputTokens()));
    for (TurnUsage t : turns) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  step %d: %,d in / %,d out%s  %s%n",
              t.step(),
              t.inputTokens(),
              t.outputTokens(),
              t.estimated() ? " (est.)" : "",
              String.join(", ", t.toolCalls())));
    }
    return sb.toString().stripTrailing();
  }

  private String skills() {
    StringBuilder sb = new StringBuilder();
    sb.append("functions: ").append(names(home.functionsDir())).append('\n');
    sb.append("agents:    ").append(names(home.agentsDir()));
    return sb.toString();
  }

  private static String names(Path dir) {
    if (!Files.isDirectory(dir)) {
      return "(none)";
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<String> names =
          s.map(p -> p.getFileName().toString())
              .filter(n -> !n.startsWith("."))
              .map(n -> n.endsWith(".java") ? n.substring(0, n.length() - 5) : n)
              .sorted()
              .toList();
      return names.isEmpty() ? "(none)" : String.join(", ", names);
    } catch (IOException e) {
      return "(cannot read " + dir + ": " + e.getMessage() + ")";
    }
  }

  private String session(String builtin, String name, String usage) {
    if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
      return "Usage: " + usage + " (letters, digits, '.', '_' and '-')";
    }
    ExecutionResult r = orchestrator.kernel().execute(builtin + "(\"" + name + "\")");
    return ToolResults.execution(r, 4_000);
  }
}
