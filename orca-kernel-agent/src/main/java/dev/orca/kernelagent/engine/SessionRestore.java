package dev.orca.kernelagent.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.Channel;
import dev.orca.kernelagent.OutputCapture;
import dev.orca.kernelagent.values.ValueCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * Brings a saved state back: replays definitions one by one, then restores variables from JSON in
 * batches (see {@link VariableRestorer}), leaving them waiting for their declaration (see {@link
 * PendingVariables}); types the batch cannot write are declared one by one. Last, variables whose
 * values were not data but whose declarations are pure are recomputed by replay (see {@link
 * Replays}).
 */
final class SessionRestore {
  private final Shell shell;
  private final PendingVariables pending;
  private final VariableRestorer restorer;
  private final Replays replays;
  private final OutputCapture stdout;
  private final OutputCapture stderr;

  SessionRestore(
      Shell shell,
      PendingVariables pending,
      Replays replays,
      OutputCapture stdout,
      OutputCapture stderr) {
    this.shell = shell;
    this.pending = pending;
    this.replays = replays;
    this.stdout = stdout;
    this.stderr = stderr;
    this.restorer = new VariableRestorer(shell.jshell, shell.control, shell::eval);
  }

  /** See {@link SnippetEngine#restore(JsonNode)}. */
  ObjectNode restore(JsonNode request) {
    // Values are built outside any snippet evaluation: make snippet classes callable first.
    shell.control.ensureInvoked();
    ObjectNode report = Channel.object();
    ArrayNode replayed = report.putArray("replayed");
    ArrayNode restored = report.putArray("restored");
    ArrayNode lost = report.putArray("lost");
    for (JsonNode def : request.path("definitions")) {
      String source = def.path("source").asText();
      List<SnippetEvent> events = shell.eval(source);
      SnippetEvent main = Snippets.mainEvent(events);
      if (main != null && main.status() != Snippet.Status.REJECTED) {
        replayed.add(def.path("name").asText());
      } else {
        ObjectNode l = lost.addObject();
        l.put("name", def.path("name").asText());
        l.put("reason", "its definition no longer compiles");
      }
    }
    stdout.drain();
    stderr.drain();
    List<VariableRestorer.Item> items = new ArrayList<>();
    List<VariableRestorer.Item> batch = new ArrayList<>();
    List<Replays.Candidate> candidates = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (JsonNode var : request.path("variables")) {
      String name = var.path("name").asText();
      String type = var.path("type").asText();
      order.add(name);
      if (!var.hasNonNull("json")
          && var.hasNonNull("replay")
          && UserSnippets.IDENTIFIER.matcher(name).matches()) {
        candidates.add(new Replays.Candidate(name, var.get("replay").asText()));
        continue;
      }
      VariableRestorer.Item item =
          new VariableRestorer.Item(
              name, type, var.hasNonNull("json") ? var.get("json").asText() : null);
      items.add(item);
      if (item.json == null) {
        item.failure = var.path("reason").asText("no saved value");
      } else if (!UserSnippets.IDENTIFIER.matcher(name).matches()
          || type.isBlank()
          || type.contains("<anonymous")) {
        item.failure = "its type (" + type + ") cannot be written in Java";
      } else if (VariableRestorer.isPlainTypeText(type)) {
        batch.add(item);
      }
    }
    restorer.resolveTypes(batch);
    restorer.decode(batch);
    Set<VariableRestorer.Item> batched = new HashSet<>(batch);
    for (VariableRestorer.Item item : items) {
      if (item.ok()) {
        if (batched.contains(item) && !item.alone) {
          item.failure = pending.keep(item);
        } else {
          // A type the batch cannot write into a generated class: declare it on its own.
          item.failure = restoreVariable(item.name, item.type, item.json);
        }
      }
      if (item.ok()) {
        restored.add(item.name);
      } else {
        ObjectNode l = lost.addObject();
        l.put("name", item.name);
        l.put("reason", item.failure);
      }
    }
    Set<String> back = new HashSet<>();
    restored.forEach(n -> back.add(n.asText()));
    ArrayNode recomputed = report.putArray("recomputed");
    if (!candidates.isEmpty()) {
      replays.run(candidates, new HashSet<>(order), back, recomputed, lost);
    }
    for (String name : order) {
      if (back.contains(name)) {
        pending.markRestored(name);
      }
    }
    stdout.drain();
    stderr.drain();
    return report;
  }

  /** The one-variable path, for types the batch does not handle: a declaration, then the value. */
  private String restoreVariable(String name, String type, String json) {
    List<SnippetEvent> events = shell.eval(type + " " + name + ";");
    SnippetEvent main = Snippets.mainEvent(events);
    if (main == null
        || main.status() == Snippet.Status.REJECTED
        || !(main.snippet() instanceof VarSnippet)) {
      return "its type " + type + " is not available any more";
    }
    VarSnippet var = (VarSnippet) main.snippet();
    String[] where = shell.location(var);
    if (where[0] == null) {
      return "no storage found for it";
    }
    try {
      Object value = ValueCodec.decode(json, shell.control.fieldType(where[0], where[1]));
      shell.control.writeField(where[0], where[1], value);
      pending.remove(name);
      return null;
    } catch (Exception e) {
      shell.jshell.drop(var);
      return VariableRestorer.doesNotFit(type, e);
    }
  }
}
