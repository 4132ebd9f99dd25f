package dev.orca.skills.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.OrcaException;
import dev.orca.kernel.KernelSnapshot;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a {@link KernelSnapshot} as it crosses the bridge: {@code {definitions:
 * [{kind,name,source}], variables: [{name,type,json|reason,replay?}], takenAt}} ({@code replay}:
 * the pure declaration that recomputes a value that is not data). A variable's {@code json} may
 * come as a string (the kernel's form) or as an embedded JSON value; {@code takenAt} is optional.
 * The values stay JSON text: nothing is turned into Java objects on the host.
 */
public final class SnapshotJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SnapshotJson() {}

  /**
   * Reads a snapshot.
   *
   * @param node the snapshot's JSON
   * @return the snapshot
   * @throws OrcaException when the JSON is not a snapshot
   */
  public static KernelSnapshot fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw OrcaException.invalid(
          "A session snapshot must be a JSON object with 'definitions' and 'variables'.");
    }
    List<KernelSnapshot.Definition> defs = new ArrayList<>();
    for (JsonNode d : node.path("definitions")) {
      defs.add(
          new KernelSnapshot.Definition(
              text(d, "kind", "definition"),
              text(d, "name", "definition"),
              text(d, "source", "definition")));
    }
    List<KernelSnapshot.VariableValue> vars = new ArrayList<>();
    for (JsonNode v : node.path("variables")) {
      String name = text(v, "name", "variable");
      String type = text(v, "type", "variable " + name);
      JsonNode json = v.get("json");
      String jsonText = null;
      if (json != null && !json.isNull()) {
        jsonText = json.isTextual() ? json.asText() : json.toString();
      }
      String reason = null;
      String replay = null;
      if (jsonText == null) {
        reason = v.path("reason").asText(v.path("notRestorableReason").asText(""));
        if (reason.isBlank()) {
          reason = "no value was captured";
        }
        JsonNode source = v.get("replay");
        replay = source != null && source.isTextual() ? source.asText() : null;
      }
      vars.add(new KernelSnapshot.VariableValue(name, type, jsonText, reason, replay));
    }
    Instant takenAt = Instant.now();
    JsonNode at = node.get("takenAt");
    if (at != null && at.isTextual()) {
      try {
        takenAt = Instant.parse(at.asText());
      } catch (DateTimeParseException e) {
        throw OrcaException.invalid("Snapshot 'takenAt' is not an ISO instant: " + at.asText());
      }
    }
    return new KernelSnapshot(defs, vars, takenAt);
  }

  /**
   * Writes a snapshot in the kernel's form (values as JSON strings).
   *
   * @param snapshot the snapshot
   * @return its JSON
   */
  public static ObjectNode toJson(KernelSnapshot snapshot) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode defs = node.putArray("definitions");
    for (KernelSnapshot.Definition d : snapshot.definitions()) {
      defs.addObject().put("kind", d.kind()).put("name", d.name()).put("source", d.source());
    }
    ArrayNode vars = node.putArray("variables");
    for (KernelSnapshot.VariableValue v : snapshot.variables()) {
      ObjectNode o = vars.addObject().put("name", v.name()).put("type", v.type());
      if (v.restorable()) {
        o.put("json", v.json());
      } else {
        o.put("reason", v.notRestorableReason());
        if (v.recomputable()) {
          o.put("replay", v.replaySource());
        }
      }
    }
    node.put("takenAt", snapshot.takenAt().toString());
    return node;
  }

  private static String text(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw OrcaException.invalid("Snapshot " + what + " has no text field '" + field + "'.");
    }
    return value.asText();
  }
}
