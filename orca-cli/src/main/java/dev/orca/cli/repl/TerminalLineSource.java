package dev.orca.cli.repl;

import dev.orca.kernel.Kernel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.Reference;
import org.jline.reader.SyntaxError;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;

/**
 * Reads cells from a terminal with JLine: history in {@code HOME/repl_history}, multi-line input
 * that continues until {@link Kernel#isComplete} says the cell is complete, and tab completion from
 * {@link Kernel#complete}. Ctrl-C is read as a key (the terminal sends no SIGINT, which would also
 * kill the kernel's child JVM): while typing it clears the cell; while a cell runs it calls the
 * given interrupt action.
 */
final class TerminalLineSource implements LineSource {

  private static final int CTRL_C = 3;
  private static final String CANCEL_CELL = "orca-cancel-cell";

  private final Terminal terminal;
  private final LineReader reader;
  private final Runnable onInterrupt;
  private final Attributes original;

  TerminalLineSource(Supplier<Kernel> kernel, Path historyFile, Runnable onInterrupt) {
    try {
      this.terminal = TerminalBuilder.builder().system(true).build();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the terminal: " + e.getMessage(), e);
    }
    this.onInterrupt = onInterrupt;
    terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
    // Ctrl-C as a key, not a signal: a terminal's SIGINT reaches the whole foreground process
    // group, the kernel's child JVM included, and would kill it.
    this.original = terminal.getAttributes();
    Attributes noSignals = new Attributes(original);
    noSignals.setLocalFlag(Attributes.LocalFlag.ISIG, false);
    terminal.setAttributes(noSignals);
    this.reader =
        LineReaderBuilder.builder()
            .appName("orca")
            .terminal(terminal)
            .parser(new CellParser(kernel))
            .completer(new KernelCompleter(kernel))
            .variable(LineReader.HISTORY_FILE, historyFile)
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P ...> ")
            .variable(LineReader.INDENTATION, 2)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.INSERT_BRACKET, false)
            .build();
    reader
        .getWidgets()
        .put(
            CANCEL_CELL,
            () -> {
              reader.getBuffer().clear();
              reader.callWidget(LineReader.REDRAW_LINE);
              return true;
            });
    for (String map : new String[] {LineReader.EMACS, LineReader.VIINS, LineReader.MAIN}) {
      KeyMap<Binding> keys = reader.getKeyMaps().get(map);
      if (keys != null) {
        keys.bind(new Reference(CANCEL_CELL), KeyMap.ctrl('C'));
      }
    }
  }

  /** The terminal, for printing. */
  Terminal terminal() {
    return terminal;
  }

  @Override
  public String readLine(boolean continuation) {
    try {
      return reader.readLine(continuation ? " ...> " : "orca> ");
    } catch (UserInterruptException e) {
      throw new InterruptedLineException();
    } catch (EndOfFileException e) {
      return null;
    }
  }

  @Override
  public boolean interactive() {
    return true;
  }

  /**
   * Runs the cell reading keys without waiting for a line, so that Ctrl-C (a key here, see the
   * constructor) stops the cell at once.
   */
  @Override
  public <T> T whileRunning(Supplier<T> work) {
    Attributes saved = terminal.getAttributes();
    Attributes quiet = new Attributes(saved);
    quiet.setLocalFlag(Attributes.LocalFlag.ISIG, false);
    quiet.setLocalFlag(Attributes.LocalFlag.ICANON, false);
    quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
    quiet.setControlChar(Attributes.ControlChar.VMIN, 0);
    quiet.setControlChar(Attributes.ControlChar.VTIME, 1);
    terminal.setAttributes(quiet);
    AtomicBoolean done = new AtomicBoolean();
    StringBuilder typedAhead = new StringBuilder();
    Thread watcher =
        new Thread(
            () -> {
              NonBlockingReader keys = terminal.reader();
              try {
                while (!done.get()) {
                  int c = keys.read(100);
                  if (c == CTRL_C) {
                    onInterrupt.run();
                  } else if (c == NonBlockingReader.EOF) {
                    return;
                  } else if (c >= 0) {
                    synchronized (typedAhead) {
                      typedAhead.append((char) c);
                    }
                  }
                }
              } catch (IOException e) {
                // the terminal went away: nothing to watch
              }
            },
            "orca-repl-keys");
    watcher.setDaemon(true);
    watcher.start();
    try {
      return work.get();
    } finally {
      done.set(true);
      try {
        watcher.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      terminal.setAttributes(saved);
      synchronized (typedAhead) {
        if (typedAhead.length() > 0) {
          // keys typed while the cell ran belong to the next prompt
          reader.runMacro(typedAhead.toString());
        }
      }
    }
  }

  @Override
  public void close() {
    try {
      reader.getHistory().save();
      terminal.setAttributes(original);
      terminal.close();
    } catch (IOException e) {
      // the history could not be saved: nothing else to do at exit
    }
  }

  /** Asks the kernel whether the buffer is a complete cell; JLine keeps reading lines if not. */
  private static final class CellParser implements Parser {
    private final Supplier<Kernel> kernel;
    private final DefaultParser words = new DefaultParser();

    CellParser(Supplier<Kernel> kernel) {
      this.kernel = kernel;
      words.setEscapeChars(new char[0]);
      words.setQuoteChars(new char[0]);
      words.setEofOnUnclosedBracket();
      words.setEofOnUnclosedQuote(false);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) throws SyntaxError {
      if (context == ParseContext.ACCEPT_LINE) {
        String trimmed = line.strip();
        boolean command = trimmed.startsWith(":") && !trimmed.contains("\n");
        if (!trimmed.isEmpty() && !command && !complete(line)) {
          throw new EOFError(-1, -1, "the cell is not complete");
        }
      }
      return words.parse(line, cursor, ParseContext.COMPLETE);
    }

    private boolean complete(String line) {
      try {
        return kernel.get().isComplete(line);
      } catch (RuntimeException e) {
        return true; // let the run report what is wrong
      }
    }
  }

  /** Completes the identifier at the cursor from the kernel's suggestions. */
  private static final class KernelCompleter implements Completer {
    private final Supplier<Kernel> kernel;

    KernelCompleter(Supplier<Kernel> kernel) {
      this.kernel = kernel;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
      String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
      int start = word.length();
      while (start > 0 && Character.isJavaIdentifierPart(word.charAt(start - 1))) {
        start--;
      }
      String head = word.substring(0, start);
      List<String> suggestions;
      try {
        suggestions = kernel.get().complete(line.line(), line.cursor());
      } catch (RuntimeException e) {
        return;
      }
      for (String suggestion : suggestions) {
        candidates.add(new Candidate(head + suggestion, suggestion, null, null, null, null, false));
      }
    }
  }
}
