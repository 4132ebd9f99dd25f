package dev.orca.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.OrcaException;
import dev.orca.kernel.KernelSnapshot;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link KernelSnapshot} as JSON, both ways, for the session meta-tools. Plain data only: nothing
 * is deserialized into anything but the snapshot's own records.
 */
public final class SnapshotJson {

  private SnapshotJson() {}

  /**
   * The snapshot as {@code {definitions:[{kind,name,source}], variables:[{name,type,json,
   * notRestorableReason}], takenAt}}.
   *
   * @param snapshot the snapshot
   * @return its JSON
   */
  public static ObjectNode toJson(KernelSnapshot snapshot) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ArrayNode defs = root.putArray("definitions");
    for (KernelSnapshot.Definition d : snapshot.definitions()) {
      defs.addObject().put("kind", d.kind()).put("name", d.name()).put("source", d.source());
    }
    ArrayNode vars = root.putArray("variables");
    for (KernelSnapshot.VariableValue v : snapshot.variables()) {
      vars.addObject()
          .put("name", v.name())
          .put("type", v.type())
          .put("json", v.json())
          .put("notRestorableReason", v.notRestorableReason());
    }
    root.put("takenAt", snapshot.takenAt().toString());
    return root;
  }

  /**
   * Reads a snapshot written by {@link #toJson}.
   *
   * @param json the JSON
   * @return the snapshot
   * @throws OrcaException when the JSON does not have the snapshot's shape
   */
  public static KernelSnapshot fromJson(JsonNode json) {
    try {
      List<KernelSnapshot.Definition> defs = new ArrayList<>();
      for (JsonNode d : json.path("definitions")) {
        defs.add(
            new KernelSnapshot.Definition(
                d.path("kind").asText(), d.path("name").asText(), d.path("source").asText()));
      }
      List<KernelSnapshot.VariableValue> vars = new ArrayList<>();
      for (JsonNode v : json.path("variables")) {
        vars.add(
            new KernelSnapshot.VariableValue(
                v.path("name").asText(),
                v.path("type").asText(),
                text(v.get("json")),
                text(v.get("notRestorableReason"))));
      }
      Instant takenAt =
          json.hasNonNull("takenAt") ? Instant.parse(json.get("takenAt").asText()) : Instant.now();
      return new KernelSnapshot(defs, vars, takenAt);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw OrcaException.invalid(
          "The saved session is not a valid kernel snapshot: " + e.getMessage());
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
