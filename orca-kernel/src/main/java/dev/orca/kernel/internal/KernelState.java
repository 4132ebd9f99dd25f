package dev.orca.kernel.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernel.KernelSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the host remembers of a kernel so that it can rebuild one: definitions in order (a
 * redefinition replaces the old one and moves to the end) and the last checkpoint of each variable.
 * Updated from every cell's reply; thread-safe.
 */
public final class KernelState {
  private final Map<String, KernelSnapshot.Definition> definitions = new LinkedHashMap<>();
  private final Map<String, KernelSnapshot.VariableValue> checkpoints = new LinkedHashMap<>();
  private final List<String> variableOrder = new ArrayList<>();

  /** Applies one execute reply. */
  public synchronized void apply(JsonNode reply) {
    for (JsonNode key : reply.path("removedDefinitions")) {
      definitions.remove(key.asText());
    }
    for (JsonNode def : reply.path("definitions")) {
      String key = def.path("key").asText();
      definitions.remove(key);
      definitions.put(
          key,
          new KernelSnapshot.Definition(
              def.path("kind").asText(), def.path("name").asText(), def.path("source").asText()));
    }
    for (JsonNode cp : reply.path("checkpoints")) {
      checkpoints.put(cp.path("name").asText(), variableValue(cp));
    }
    if (reply.has("variableNames")) {
      variableOrder.clear();
      Set<String> alive = new HashSet<>();
      for (JsonNode name : reply.path("variableNames")) {
        variableOrder.add(name.asText());
        alive.add(name.asText());
      }
      checkpoints.keySet().retainAll(alive);
    }
  }

  /** Replaces everything with a snapshot's content. */
  public synchronized void replaceWith(KernelSnapshot snapshot) {
    definitions.clear();
    checkpoints.clear();
    variableOrder.clear();
    int i = 0;
    for (KernelSnapshot.Definition d : snapshot.definitions()) {
      definitions.put("restored:" + (i++) + ":" + d.kind() + ":" + d.name(), d);
    }
    for (KernelSnapshot.VariableValue v : snapshot.variables()) {
      checkpoints.put(v.name(), v);
      variableOrder.add(v.name());
    }
  }

  /** Definitions to replay, in order. */
  public synchronized List<KernelSnapshot.Definition> definitions() {
    return List.copyOf(definitions.values());
  }

  /**
   * The last checkpoint of every live variable, in declaration order; a variable never checkpointed
   * is reported as not restorable.
   */
  public synchronized List<KernelSnapshot.VariableValue> checkpoints() {
    List<KernelSnapshot.VariableValue> out = new ArrayList<>();
    for (String name : variableOrder) {
      KernelSnapshot.VariableValue v = checkpoints.get(name);
      out.add(
          v != null
              ? v
              : new KernelSnapshot.VariableValue(
                  name, "?", null, "it was not checkpointed (no cell captured its value)"));
    }
    return out;
  }

  /**
   * Reads a variable entry of the kernel's protocol: {@code {name, type, json}} or {@code {name,
   * type, reason, replay?}}.
   */
  public static KernelSnapshot.VariableValue variableValue(JsonNode node) {
    String json = node.hasNonNull("json") ? node.get("json").asText() : null;
    String reason = json == null ? node.path("reason").asText("no value was captured") : null;
    String replay = json == null && node.hasNonNull("replay") ? node.get("replay").asText() : null;
    return new KernelSnapshot.VariableValue(
        node.path("name").asText(), node.path("type").asText(), json, reason, replay);
  }

  /**
   * Writes a variable entry of a {@code restore} request: {@code {name, type, json, reason,
   * replay}} (absent parts as {@code null}).
   */
  public static ObjectNode restoreEntry(KernelSnapshot.VariableValue v) {
    ObjectNode var = JsonNodeFactory.instance.objectNode();
    var.put("name", v.name());
    var.put("type", v.type());
    var.put("json", v.json());
    var.put("reason", v.notRestorableReason());
    var.put("replay", v.replaySource());
    return var;
  }
}
