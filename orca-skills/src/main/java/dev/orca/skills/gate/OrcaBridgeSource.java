package dev.orca.skills.gate;

/**
 * The {@code OrcaBridge} class through which learned functions call tools: {@code
 * OrcaBridge.call("tool_name", Map.of(...))}. Its test double (compiled with every skill and its
 * tests) lets a test answer tool calls by setting {@code OrcaBridge.handler}; in the kernel the
 * same name is a snippet class that forwards to the kernel's {@code callTool} built-in.
 */
public final class OrcaBridgeSource {

  /** Class name. */
  public static final String CLASS_NAME = "OrcaBridge";

  /** The test double, compiled next to skills and their tests (FR-7.6). */
  public static final String TEST_DOUBLE =
      """
      import java.util.Map;
      import java.util.function.BiFunction;

      /** Test double of the kernel bridge: tests set {@link #handler} to answer tool calls. */
      public final class OrcaBridge {
        /** Answers tool calls in tests; by default every call fails. */
        public static BiFunction<String, Map<String, Object>, Object> handler =
            (tool, args) -> {
              throw new IllegalStateException(
                  "no test double for tool " + tool + ": set OrcaBridge.handler");
            };

        private OrcaBridge() {}

        /**
         * Calls a tool.
         *
         * @param tool the tool's name
         * @param args its arguments
         * @return the tool's result
         */
        public static Object call(String tool, Map<String, Object> args) {
          return handler.apply(tool, args);
        }
      }
      """;

  /** The kernel's version: forwards to the {@code callTool} built-in. */
  public static final String KERNEL_SNIPPET =
      "final class OrcaBridge { static Object call(String tool, java.util.Map<String, Object>"
          + " args) { return callTool(tool, args); } }";

  private OrcaBridgeSource() {}
}
