package dev.orca.kernelagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * What the kernel's built-ins need from the kernel itself. Installed once, by the kernel, before
 * any user code runs; user code cannot reach it.
 */
public interface KernelAccess {

  /** The user's variables: name, type, one-line summary. */
  List<Map<String, String>> listVariables();

  /** A bounded description of one variable; throws {@link OrcaCallException} if unknown. */
  String inspect(String name);

  /** The live value of a variable; throws {@link OrcaCallException} if unknown. */
  Object valueOf(String name);

  /** The kernel's state as JSON (definitions and variable values), for saving a session. */
  JsonNode snapshot();

  /** Calls the host through the bridge and waits for its answer. */
  JsonNode callHost(String method, ObjectNode args);
}
