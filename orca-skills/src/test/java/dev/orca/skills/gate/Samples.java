package dev.orca.skills.gate;

/** Function and test sources shared by the gate's tests. */
final class Samples {
  private Samples() {}

  static final String ADD =
      """
      /** Adds numbers. */
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

  static final String ADD_TEST =
      """
      import static org.junit.jupiter.api.Assertions.assertEquals;

      import org.junit.jupiter.api.Test;

      class ClampTest {
        @Test
        void below() {
          assertEquals(1, Clamp.clamp(-5, 1, 9));
        }

        @Test
        void above() {
          assertEquals(9, Clamp.clamp(50, 1, 9));
        }

        @Test
        void inside() {
          assertEquals(4, Clamp.clamp(4, 1, 9));
        }
      }
      """;
}
