package dev.orca.cli.chat;

import dev.orca.agent.AgentConfig;
import dev.orca.agent.AgentSession;
import dev.orca.agent.RunResult;
import dev.orca.agent.chat.ChatCommands;
import dev.orca.agent.chat.ChatPrinter;
import dev.orca.agent.provider.ModelConfig;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.agent.provider.Retrier;
import dev.orca.cli.CommonOptions;
import dev.orca.cli.ExitCodes;
import dev.orca.cli.OrcaRuntime;
import dev.orca.cli.sessions.RunSession;
import dev.orca.cli.sessions.SessionKernel;
import dev.orca.cli.sessions.SessionOptions;
import dev.orca.cli.sessions.SessionRequest;
import dev.orca.core.OrcaHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code orca chat} (and bare {@code orca} when a model is configured): an interactive session with
 * streamed answers, a status line (model, tokens this session, kernel variables), Ctrl-C to stop
 * the current step, and {@code /vars /tokens /skills /save /load /help}. Without a model it says
 * how to configure one and offers the REPL. The chat works in a session ({@code --resume [NAME]},
 * {@code --session NAME}, else a new one), checkpointed after every successful cell; its
 * conversation is kept beside it ({@link ChatConversation}) and restored on resume. The session is
 * locked while the chat runs: a second process on it is refused.
 */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = "Chat with a model that works through code in the kernel.")
public final class ChatCommand implements Callable<Integer> {

  /**
   * One long-lived thread runs the turns (so Ctrl-C can interrupt a turn while the terminal stays
   * responsive). It is never a pool thread that retires: a kernel process rebuilt from it must not
   * lose its parent thread.
   */
  private static final java.util.concurrent.ExecutorService WORKER =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "orca-chat-turn");
            t.setDaemon(true);
            return t;
          });

  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = "--model",
      paramLabel = "PROVIDER:MODEL",
      description = "anthropic:NAME, openai:NAME, ollama:NAME or gemini:NAME (default: config).")
  String model;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Another endpoint for the provider: a proxy or an OpenAI-compatible server.")
  String baseUrl;

  @Option(names = "--no-stream", description = "Print answers when complete instead of streaming.")
  boolean noStream;

  @Mixin SessionOptions sessionOptions = new SessionOptions();

  /** The value {@code --resume} gets without a name: the most recent session. */
  static final String MOST_RECENT = "<most recent>";

  @Option(
      names = "--resume",
      arity = "0..1",
      paramLabel = "NAME",
      fallbackValue = MOST_RECENT,
      description =
          "Resume a saved session (default: the most recent one): its variables, definitions and"
              + " learned skills come back in a fresh kernel, the earlier conversation comes back"
              + " into the chat's memory (conversation.jsonl, bounded by the context window), and"
              + " the chat goes on in it.")
  String resume;

  /**
   * The session this chat works in: {@code --resume [NAME]}, {@code --session NAME}, or a new one.
   * The orchestrator records each cell in history.db itself, with its tokens.
   */
  SessionRequest sessionRequest() {
    if (resume != null && sessionOptions.name() != null) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "--resume and --session cannot be used together: --session NAME also resumes NAME when"
              + " it exists.");
    }
    SessionRequest request =
        resume != null
            ? SessionRequest.resume("chat", MOST_RECENT.equals(resume) ? null : resume)
            : sessionOptions.request("chat");
    return request.recordedByTheLoop();
  }

  /**
   * Whether a model is configured for bare {@code orca} (flags aside): {@code ORCA_MODEL} or
   * config.toml's {@code [model]}.
   *
   * @return {@code true} when {@code orca chat} would find a model
   */
  public static boolean modelConfigured() {
    try {
      OrcaHome home = OrcaHome.resolve(null, System.getenv());
      return ModelConfig.resolve(null, null, home.configFile(), System.getenv()).isPresent();
    } catch (RuntimeException e) {
      return true; // let chat report the configuration error
    }
  }

  @Override
  public Integer call() throws IOException {
    SessionRequest request = sessionRequest();
    RunSession withoutModel;
    try (OrcaRuntime runtime = OrcaRuntime.open(common, request)) {
      Optional<ModelSettings> settings =
          ModelConfig.resolve(model, baseUrl, runtime.home().configFile(), System.getenv());
      if (settings.isEmpty()) {
        withoutModel = runtime.session().orElseThrow();
      } else {
        return chat(runtime, settings.get());
      }
    }
    // after the runtime is closed: the REPL takes the session's lock itself
    return offerRepl(withoutModel);
  }

  private Integer chat(OrcaRuntime runtime, ModelSettings settings) throws IOException {
    AgentConfig config = AgentConfig.from(ModelConfig.read(runtime.home().configFile()));
    runtime.startKernel();
    RunSession run = runtime.session().orElseThrow();
    if (run.resume()) {
      // the resume report goes to stderr before the terminal takes over
      runtime.kernel();
    }
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      PrintWriter out = terminal.writer();
      boolean color = !"dumb".equals(terminal.getType());
      ChatPrinter printer = new ChatPrinter(out, color, common.verbose());
      Retrier.Listener retries =
          (attempt, delay, failure) ->
              out.printf(
                  "· model busy (%s), retrying in %.1f s%n",
                  failure.status() > 0 ? "HTTP " + failure.status() : failure.kind(),
                  delay.toMillis() / 1000.0);
      out.println(
          "orca chat with " + settings.label() + ", " + run.describe() + " (/help for commands)");
      out.flush();
      // the warm-up cell is not the chat's: it is neither checkpointed nor recorded
      AgentSession.warmUp(SessionKernel.innermost(runtime.kernel()));
      ChatConversation conversation =
          ChatConversation.of(
              runtime,
              settings,
              message -> {
                out.println("orca: " + message);
                out.flush();
              });
      // history rows carry the session's name; each request's messages go to conversation.jsonl
      try (AgentSession session =
          runtime.agentSession(settings).config(config).stream(!noStream)
              .retryListener(retries)
              .transcript(conversation)
              .build()) {
        conversation.restoreInto(session.orchestrator()).ifPresent(out::println);
        out.flush();
        ChatCommands commands = new ChatCommands(session.orchestrator(), runtime.home());
        LineReader reader =
            LineReaderBuilder.builder()
                .appName("orca")
                .terminal(terminal)
                .variable(LineReader.HISTORY_FILE, runtime.home().root().resolve("chat_history"))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        loop(reader, terminal, session, commands, printer, out);
        reader.getHistory().save();
      }
    }
    return ExitCodes.OK;
  }

  private static void loop(
      LineReader reader,
      Terminal terminal,
      AgentSession session,
      ChatCommands commands,
      ChatPrinter printer,
      PrintWriter out) {
    while (true) {
      String line;
      try {
        line = reader.readLine("you> ", "[" + commands.status() + "]", (Character) null, null);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        return;
      }
      if (line == null || line.isBlank()) {
        continue;
      }
      if (ChatCommands.isExit(line)) {
        return;
      }
      if (ChatCommands.isCommand(line)) {
        out.println(commands.run(line));
        out.flush();
        continue;
      }
      Terminal.SignalHandler previous =
          terminal.handle(Terminal.Signal.INT, s -> session.orchestrator().cancel());
      try {
        CompletableFuture<RunResult> turn =
            CompletableFuture.supplyAsync(() -> session.ask(line, printer), WORKER);
        RunResult r = turn.get();
        printer.finish();
        if (!r.completed()) {
          out.println("(" + r.answer() + ")");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        printer.finish();
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof dev.orca.core.ConfigurationException ce) {
          throw ce;
        }
        out.println("(error: " + cause.getMessage() + ")");
      } finally {
        terminal.handle(Terminal.Signal.INT, previous);
        out.flush();
      }
    }
  }

  private Integer offerRepl(RunSession run) {
    System.err.println("orca: no model is configured. " + ModelConfig.HOW_TO_CONFIGURE);
    System.err.println("Without a model, `orca repl` gives you the kernel: type Java directly.");
    java.io.Console console = System.console();
    if (console == null) {
      return ExitCodes.USAGE;
    }
    String answer = console.readLine("Start the REPL now? [Y/n] ");
    if (answer == null || !(answer.isBlank() || answer.strip().toLowerCase().startsWith("y"))) {
      return ExitCodes.USAGE;
    }
    java.util.List<String> args = new java.util.ArrayList<>();
    if (common.home() != null) {
      args.add("--home");
      args.add(common.home().toString());
    }
    if (!run.generated()) {
      args.add("--session");
      args.add(run.name());
    }
    return new CommandLine(new dev.orca.cli.repl.ReplCommand())
        .execute(args.toArray(new String[0]));
  }
}
