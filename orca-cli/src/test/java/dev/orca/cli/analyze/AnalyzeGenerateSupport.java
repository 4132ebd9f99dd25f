package dev.orca.cli.analyze;

import dev.orca.cli.ErrorHandler;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.ExecutionRecord;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.Outcome;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/** A planted history and a way to run {@code orca analyze} with a scripted model and answers. */
final class AnalyzeGenerateSupport {
  private AnalyzeGenerateSupport() {}

  /** One piece of work (count the long parts of a text) written four times by hand. */
  static final List<String> CELLS =
      List.of(
          "var words = text.split(\"\\\\s+\");\n"
              + "long n = Arrays.stream(words).filter(w -> w.length() > 5).count();\nn",
          "var parts = review.split(\" \");\n"
              + "long count = Arrays.stream(parts).filter(p -> p.length() > 3).count();\ncount",
          "var ws = body.split(\"\\\\s+\");\n"
              + "long c = Arrays.stream(ws).filter(x -> x.length() > 8).count();\nc",
          "var tokens = line.split(\",\");\n"
              + "long longOnes = Arrays.stream(tokens).filter(t -> t.length() > 4).count();\n"
              + "longOnes");

  static final String FUNCTION =
      """
      /** Counts the long parts of texts. */
      public final class CLASS {
        private CLASS() {}

        /**
         * Counts the parts of a text that are longer than a length.
         *
         * @param text the text
         * @param separator a regular expression between the parts
         * @param minLength parts must be longer than this
         * @return how many parts are longer
         */
        public static long NAME(String text, String separator, int minLength) {
          long n = 0;
          for (String part : text.split(separator)) {
            if (part.length() > minLength) {
              n++;
            }
          }
          return n;
        }
      }
      """;

  static final String TESTS =
      """
      import static org.junit.jupiter.api.Assertions.assertEquals;

      import org.junit.jupiter.api.Test;

      class CLASSTest {
        @Test
        void NAME_countsLongParts() {
          assertEquals(2, CLASS.NAME("a longer sentence", " ", 4));
        }

        @Test
        void NAME_otherSeparator() {
          assertEquals(2, CLASS.NAME("ab,abcdef,abcd", ",", 3));
        }
      }
      """;

  static final String REVIEW_CLEAN = "{\"issues\":[]}";

  static void plant(Path home) {
    try (HistoryStore h = HistoryStore.open(new OrcaHome(home).create())) {
      int i = 0;
      h.recordExecution(ExecutionRecord.of("s9", "var xs = List.of(3, 1, 2);", 5, Outcome.OK, 40));
      for (String c : CELLS) {
        h.recordExecution(ExecutionRecord.of("s" + (i++ % 2), c, 5, Outcome.OK, 250));
      }
    }
  }

  /** What a run printed and returned. */
  record Run(int code, String out, String err) {}

  static Run run(SuggestionModels models, Supplier<BufferedReader> input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    System.setOut(o);
    System.setErr(e);
    try {
      CommandLine cl = new CommandLine(new AnalyzeCommand(models, input));
      ErrorHandler handler = new ErrorHandler(false);
      cl.setExecutionExceptionHandler(handler);
      cl.setParameterExceptionHandler(handler);
      cl.setErr(new PrintWriter(e, true));
      int code = cl.execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  static Supplier<BufferedReader> answers(String text) {
    return () -> new BufferedReader(new StringReader(text));
  }

  /** Input that fails the test if anything is read from it. */
  static Supplier<BufferedReader> noQuestions() {
    return () ->
        new BufferedReader(new StringReader("")) {
          @Override
          public String readLine() {
            throw new AssertionError("asked a question");
          }
        };
  }
}
