package dev.orca.kernelagent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.OutputCapture;
import dev.orca.kernelagent.policy.ClassGuard;
import java.util.ArrayList;
import java.util.List;

/** Engines for one test, closed together, and cells that must succeed. */
final class Engines implements AutoCloseable {
  private final List<SnippetEngine> engines = new ArrayList<>();

  /** A new engine with no class policy and 100K caps. */
  SnippetEngine engine() {
    SnippetEngine engine =
        new SnippetEngine(
            ClassGuard.PERMIT_ALL, new OutputCapture(100_000), new OutputCapture(100_000), 100_000);
    engines.add(engine);
    return engine;
  }

  /** Keeps an engine the test made itself, to close it with the others. */
  SnippetEngine keep(SnippetEngine engine) {
    engines.add(engine);
    return engine;
  }

  /** Runs a cell that must succeed. */
  static ObjectNode run(SnippetEngine engine, String cell) {
    ObjectNode result = engine.execute(cell);
    assertThat(result.path("status").asText()).as(cell + " -> " + result).isEqualTo("success");
    return result;
  }

  /** The value text of an expression that must succeed. */
  static String value(SnippetEngine engine, String expression) {
    return run(engine, expression).path("value").asText();
  }

  @Override
  public void close() {
    engines.forEach(SnippetEngine::close);
  }
}
