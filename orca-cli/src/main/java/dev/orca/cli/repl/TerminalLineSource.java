package dev.orca.cli.repl;

import dev.orca.kernel.Kernel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Reads cells from a terminal with JLine: history in {@code HOME/repl_history}, multi-line input
 * that continues until {@link Kernel#isComplete} says the cell is complete, and tab completion from
 * {@link Kernel#complete}. Ctrl-C while typing abandons the line; Ctrl-C while a cell runs calls
 * the given interrupt action.
 */
final class TerminalLineSource implements LineSource {

  private final Terminal terminal;
  private final LineReader reader;

  TerminalLineSource(Supplier<Kernel> kernel, Path historyFile, Runnable onInterrupt) {
    try {
      this.terminal = TerminalBuilder.builder().system(true).build();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the terminal: " + e.getMessage(), e);
    }
    terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
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

  @Override
  public void close() {
    try {
      reader.getHistory().save();
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
        if (!trimmed.isEmpty() && !command && !kernel.get().isComplete(line)) {
          throw new EOFError(-1, -1, "the cell is not complete");
        }
      }
      return words.parse(line, cursor, ParseContext.COMPLETE);
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
      for (String suggestion : kernel.get().complete(line.line(), line.cursor())) {
        candidates.add(new Candidate(head + suggestion, suggestion, null, null, null, null, false));
      }
    }
  }
}
