package dev.orca.skills;

/** Model answers for the end-to-end tests: a clamp function, its bugs, its tests, a review. */
final class Fixtures {
  private Fixtures() {}

  static final String CLAMP =
      """
      /** Clamps numbers into ranges. */
      public final class Clamp {
        private Clamp() {}

        /**
         * Clamps a value into a range.
         *
         * @param value the value
         * @param low lower bound
         * @param high upper bound
         * @return the clamped value
         */
        public static int clamp(int value, int low, int high) {
          if (low > high) {
            throw new IllegalArgumentException("low > high");
          }
          if (value < low) {
            return low;
          }
          if (value > high) {
            return high;
          }
          return value;
        }
      }
      """;

  /** Version 2: same contract, written with Math.min/max. */
  static final String CLAMP_V2 =
      """
      /** Clamps numbers into ranges. */
      public final class Clamp {
        private Clamp() {}

        /**
         * Clamps a value into a range.
         *
         * @param value the value
         * @param low lower bound
         * @param high upper bound
         * @return the clamped value
         */
        public static int clamp(int value, int low, int high) {
          if (low > high) {
            throw new IllegalArgumentException("low > high");
          }
          return Math.max(low, Math.min(high, value));
        }
      }
      """;

  /** A planted bug: values above the range come back as the lower bound. */
  static final String CLAMP_BUGGY = CLAMP.replace("return high;", "return low;");

  /** A planted sandbox escape: it opens a socket. */
  static final String CLAMP_ESCAPE =
      CLAMP.replace(
          "return value;",
          "try (java.net.Socket s = new java.net.Socket(\"example.com\", 80)) {\n"
              + "      return value;\n    } catch (java.io.IOException e) {\n"
              + "      return value;\n    }");

  static final String CLAMP_TEST =
      """
      import static org.junit.jupiter.api.Assertions.assertEquals;
      import static org.junit.jupiter.api.Assertions.assertThrows;

      import org.junit.jupiter.api.Test;

      class ClampTest {
        @Test
        void clamp_below_returnsLow() {
          assertEquals(1, Clamp.clamp(-5, 1, 9));
        }

        @Test
        void clamp_above_returnsHigh() {
          assertEquals(9, Clamp.clamp(50, 1, 9));
        }

        @Test
        void clamp_inside_returnsValue() {
          assertEquals(4, Clamp.clamp(4, 1, 9));
        }

        @Test
        void clamp_badRange_throws() {
          assertThrows(IllegalArgumentException.class, () -> Clamp.clamp(4, 9, 1));
        }
      }
      """;

  static final String REVIEW_MINOR =
      "{\"issues\":[{\"severity\":\"minor\",\"line\":1,\"message\":\"the class Javadoc could"
          + " name the function\",\"suggestion\":\"mention clamp\"}]}";

  static final String REVIEW_CLEAN = "{\"issues\":[]}";

  static final String AGENT_BAD =
      "{\"files\":{\"agent.toml\":\"name = \\\"sentiment_analyzer\\\"\\npurpose = \\\"Classifies"
          + " sentiment.\\\"\\ntools = [\\\"no_such_tool\\\"]\\n\","
          + "\"prompts.md\":\"## System prompt\\nSay positive or negative.\\n\","
          + "\"README.md\":\"# sentiment_analyzer\\n\"}}";

  static final String AGENT_PROMPT =
      "## System prompt\\nYou classify the sentiment of the text you are given. Reply with one"
          + " word: positive, negative or neutral.\\n";

  static final String AGENT_GOOD =
      "{\"files\":{\"agent.toml\":\"name = \\\"sentiment_analyzer\\\"\\npurpose = \\\"Classifies"
          + " the sentiment of a text as positive, negative or neutral.\\\"\\nmodel ="
          + " \\\"default\\\"\\ntools = []\\ntoken_budget = 4000\\nmax_output_tokens = 200\\n"
          + "chunking = \\\"none\\\"\\n[output]\\nformat = \\\"text\\\"\\n\","
          + "\"prompts.md\":\""
          + AGENT_PROMPT
          + "\","
          + "\"README.md\":\"# sentiment_analyzer\\n\\nClassifies the sentiment of a text (a"
          + " review, a message) as positive, negative or neutral. Hand it a String variable:"
          + " var s = callSubagent(\\\"sentiment_analyzer\\\", \\\"review\\\");\\n\"}}";
}
