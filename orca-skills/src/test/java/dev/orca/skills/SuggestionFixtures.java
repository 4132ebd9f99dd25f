package dev.orca.skills;

import dev.orca.core.history.ExecutionRecord;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.Outcome;
import java.util.List;

/**
 * A history with repeated work planted in it, and the model answers that turn its top suggestion
 * into a learned function. The answers are templates: {@code NAME} and {@code CLASS} are replaced
 * by the name the suggestion proposes.
 */
final class SuggestionFixtures {
  private SuggestionFixtures() {}

  /** One piece of work (count the long parts of a text), written four times by hand. */
  static final List<String> LONG_PARTS =
      List.of(
          "var words = text.split(\"\\\\s+\");\n"
              + "long n = Arrays.stream(words).filter(w -> w.length() > 5).count();\nn",
          "var parts = review.split(\" \");\n"
              + "// only the long ones\n"
              + "long count = Arrays.stream(parts).filter(p -> p.length() > 3).count();\ncount",
          "var ws = body.split(\"\\\\s+\");\n"
              + "long c = Arrays.stream(ws).filter(x -> x.length() > 8).count();\nc",
          "var tokens = line.split(\",\");  long longOnes ="
              + " Arrays.stream(tokens).filter(t -> t.length() > 4).count();\nlongOnes");

  /** Other work, done twice: a lower-ranked suggestion. */
  static final List<String> SECOND =
      List.of(
          "var today = LocalDate.parse(\"2026-01-01\");\n"
              + "var due = today.plusDays(30);\nSystem.out.println(\"due \" + due);",
          "var start = LocalDate.parse(\"2025-03-04\");\n"
              + "var end = start.plusDays(14);\nSystem.out.println(\"ends \" + end);");

  /** One-off cells. */
  static final List<String> ONE_OFFS =
      List.of(
          "var xs = List.of(3, 1, 2);\nvar sorted = new ArrayList<>(xs);\n"
              + "Collections.sort(sorted);\nsorted",
          "double avg = scores.stream().mapToInt(Integer::intValue).average().orElse(0);\navg",
          "int x = 1;");

  /** Plants the work: repeated cells among one-offs, across sessions, and one failed cell. */
  static void plant(HistoryStore history) {
    int i = 0;
    for (String c : ONE_OFFS) {
      history.recordExecution(ExecutionRecord.of("s" + (i++ % 3), c, 7, Outcome.OK, 90));
    }
    for (String c : SECOND) {
      history.recordExecution(ExecutionRecord.of("s" + (i++ % 3), c, 7, Outcome.OK, 120));
    }
    for (String c : LONG_PARTS) {
      history.recordExecution(ExecutionRecord.of("s" + (i++ % 3), c, 9, Outcome.OK, 260));
    }
    history.recordExecution(
        ExecutionRecord.of("s0", LONG_PARTS.get(0).replace("5", "6"), 3, Outcome.ERROR, 50));
  }

  /** The function the scripted code generator writes. */
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
          if (text.isEmpty()) {
            return 0;
          }
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

  /** A planted bug: it counts the short parts. */
  static final String FUNCTION_BUGGY = FUNCTION.replace("part.length() >", "part.length() <=");

  /** The tests the scripted test generator writes. */
  static final String TESTS =
      """
      import static org.junit.jupiter.api.Assertions.assertEquals;

      import org.junit.jupiter.api.Test;

      class CLASSTest {
        @Test
        void NAME_countsLongParts() {
          assertEquals(2, CLASS.NAME("a longer sentence", "\\\\s+", 4));
        }

        @Test
        void NAME_otherSeparator() {
          assertEquals(2, CLASS.NAME("ab,abcdef,abcd", ",", 3));
        }

        @Test
        void NAME_emptyText_isZero() {
          assertEquals(0, CLASS.NAME("", " ", 1));
        }
      }
      """;

  /** A template filled with a function's name. */
  static String fill(String template, String name) {
    String cls = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return template.replace("CLASS", cls).replace("NAME", name);
  }
}
