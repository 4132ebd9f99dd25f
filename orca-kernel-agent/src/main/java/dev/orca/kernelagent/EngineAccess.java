package dev.orca.kernelagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.api.KernelAccess;
import dev.orca.kernelagent.api.OrcaCallException;
import dev.orca.kernelagent.engine.SnippetEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Connects the built-ins kernel code calls to this kernel's engine and bridge. */
final class EngineAccess implements KernelAccess {
  private final SnippetEngine engine;
  private final BridgeClient bridge;

  EngineAccess(SnippetEngine engine, BridgeClient bridge) {
    this.engine = engine;
    this.bridge = bridge;
  }

  @Override
  public List<Map<String, String>> listVariables() {
    List<Map<String, String>> out = new ArrayList<>();
    for (JsonNode var : engine.variables()) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("name", var.path("name").asText());
      entry.put("type", var.path("type").asText());
      entry.put("summary", var.path("summary").asText());
      out.add(entry);
    }
    return out;
  }

  @Override
  public String inspect(String name) {
    ObjectNode node = engine.inspect(name);
    if (node == null) {
      throw unknown(name);
    }
    return node.path("type").asText() + " " + name + "\n" + node.path("summary").asText();
  }

  @Override
  public Object valueOf(String name) {
    try {
      return engine.valueOf(name);
    } catch (NoSuchElementException e) {
      throw unknown(name);
    } catch (ReflectiveOperationException e) {
      throw new OrcaCallException("variable " + name + " cannot be read: " + e.getMessage());
    }
  }

  private OrcaCallException unknown(String name) {
    return new OrcaCallException(
        "no variable named '" + name + "' (" + engine.variableNames() + ")");
  }

  @Override
  public JsonNode snapshot() {
    return engine.snapshot();
  }

  @Override
  public JsonNode callHost(String method, ObjectNode args) {
    return bridge.call(method, args);
  }
}
