package dev.orca.tools;

import com.fasterxml.jackson.databind.JsonNode;

/** Runs one tool: JSON arguments in, JSON result out. Implementations must be thread-safe. */
@FunctionalInterface
public interface ToolInvoker {

  /**
   * Calls the tool.
   *
   * @param arguments the arguments, already validated against the tool's schema
   * @return the result as JSON
   * @throws dev.orca.core.OrcaException when the tool fails, with a message a model can act on
   */
  JsonNode invoke(JsonNode arguments);
}
