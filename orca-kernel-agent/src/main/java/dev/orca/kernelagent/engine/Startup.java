package dev.orca.kernelagent.engine;

import java.util.List;

/**
 * The snippets every kernel starts with: the default imports, and one static import that makes the
 * built-ins (DESIGN.md §2.5) top-level methods. One snippet for all built-ins keeps the kernel's
 * start short: every snippet is a compiler run.
 */
final class Startup {
  private Startup() {}

  /** Imports every cell can rely on (issue 2), then the built-ins. */
  static final List<String> SNIPPETS =
      List.of(
          "import java.util.*;",
          "import java.util.function.*;",
          "import java.util.stream.*;",
          "import java.time.*;",
          "import java.nio.file.*;",
          "import java.math.*;",
          "import tech.tablesaw.api.*;",
          "import static dev.orca.kernelagent.api.Orca.*;");
}
