package dev.orca.tools.bridge;

import com.fasterxml.jackson.databind.JsonNode;

/** Answers one kind of kernel → host call (one built-in method). Must be thread-safe. */
@FunctionalInterface
public interface BridgeHandler {

  /**
   * Handles a call.
   *
   * @param args the call's arguments (a JSON object)
   * @return the result as JSON
   * @throws dev.orca.core.OrcaException with a message the kernel code can act on
   * @throws InterruptedException when the call was cancelled
   */
  JsonNode handle(JsonNode args) throws InterruptedException;
}
