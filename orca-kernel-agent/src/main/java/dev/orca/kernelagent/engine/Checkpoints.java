package dev.orca.kernelagent.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.Channel;
import dev.orca.kernelagent.values.ValueCodec;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * Captures variables as JSON: after each cell, the ones it may have changed (a checkpoint the host
 * keeps to rebuild a dead kernel), and on request the whole state (a snapshot, e.g. for a saved
 * session). A variable whose value is not data carries, when its declaration is pure, the
 * declaration's source to recompute it by replay ({@code replay}).
 */
final class Checkpoints {
  /** Largest JSON captured for one variable by automatic checkpoints. */
  static final int CHECKPOINT_MAX_CHARS = 8 * 1024 * 1024;

  /** Largest JSON captured for one variable by an explicit snapshot (a saved session). */
  static final int SNAPSHOT_MAX_CHARS = 256 * 1024 * 1024;

  private final Shell shell;
  private final UserSnippets user;
  private final Variables variables;
  private final PurityCheck purity;

  /**
   * What each variable last captured with a declaration to replay reads and uses: a cell that
   * touches any of these captures it again (the declaration may not give the same value now).
   */
  private final Map<String, Set<String>> replayReach = new HashMap<>();

  Checkpoints(Shell shell, UserSnippets user, Variables variables, PurityCheck purity) {
    this.shell = shell;
    this.user = user;
    this.variables = variables;
    this.purity = purity;
  }

  /**
   * Captures variables the cell may have changed: the ones it declared, the ones it names, and the
   * ones named by methods it calls. Large values are skipped (they are kept by saved sessions).
   */
  ArrayNode after(String cell, Set<String> declared) {
    ArrayNode out = Channel.JSON.createArrayNode();
    Set<String> touched = user.namesReachedFrom(cell, false);
    for (VarSnippet var : user.variables()) {
      if (declared.contains(var.name())
          || touched.contains(var.name())
          || !Collections.disjoint(replayReach.getOrDefault(var.name(), Set.of()), touched)) {
        out.add(capture(var, CHECKPOINT_MAX_CHARS));
      }
    }
    return out;
  }

  /** The kernel's state as data: definitions in order and every variable as JSON. */
  ObjectNode snapshot() {
    ObjectNode node = Channel.object();
    ArrayNode defs = node.putArray("definitions");
    for (Snippet snippet : user.activeDefinitions()) {
      ObjectNode def = defs.addObject();
      def.put("kind", Snippets.definitionKind(snippet));
      def.put("name", Snippets.definitionName(snippet));
      def.put("source", snippet.source());
    }
    ArrayNode vars = node.putArray("variables");
    for (Variables.Entry e : variables.entries()) {
      PendingVariables.Pending p = e.pending();
      String untouched = p == null ? variables.untouchedJson(e.name()) : null;
      if (untouched != null) {
        // Declared while the kernel was idle, untouched since: its saved JSON is still exact.
        ObjectNode v = vars.addObject();
        v.put("name", e.name());
        v.put("type", e.type());
        v.put("json", untouched);
      } else if (p == null) {
        vars.add(capture(e.snippet(), SNAPSHOT_MAX_CHARS));
      } else if (p.json != null) {
        // Untouched since it was restored: its saved JSON is still exact.
        ObjectNode v = vars.addObject();
        v.put("name", p.name);
        v.put("type", p.type);
        v.put("json", p.json);
      } else {
        vars.add(capture(p.name, p.type, p.value, SNAPSHOT_MAX_CHARS));
      }
    }
    return node;
  }

  private ObjectNode capture(VarSnippet var, int maxChars) {
    ObjectNode node;
    try {
      node = capture(var.name(), var.typeName(), shell.read(var), maxChars);
    } catch (ReflectiveOperationException | RuntimeException | StackOverflowError e) {
      node = Channel.object();
      node.put("name", var.name());
      node.put("type", var.typeName());
      node.put("reason", "its value could not be read (" + e + ")");
    }
    replayReach.remove(var.name());
    if (!node.has("json")) {
      addReplay(var, node);
    }
    return node;
  }

  /**
   * For a variable whose value is not data: its declaration's source ({@code replay}) when the
   * declaration is pure (see {@link PurityCheck}), else why not, appended to the reason.
   */
  private void addReplay(VarSnippet var, ObjectNode node) {
    PurityCheck.Verdict verdict;
    try {
      verdict = purity.check(var);
    } catch (RuntimeException | StackOverflowError e) {
      verdict = PurityCheck.Verdict.no("checking its declaration failed (" + e + ")");
    }
    if (verdict.whyNot() == null) {
      node.put("replay", var.source());
      replayReach.put(var.name(), verdict.reach());
    } else {
      node.put(
          "reason",
          node.path("reason").asText() + " and its declaration is not pure: " + verdict.whyNot());
    }
  }

  private static ObjectNode capture(String name, String type, Object value, int maxChars) {
    ObjectNode node = Channel.object();
    node.put("name", name);
    node.put("type", type);
    try {
      ValueCodec.Encoded encoded = ValueCodec.encode(value, maxChars);
      if (encoded.json() != null) {
        node.put("json", encoded.json());
      } else {
        node.put("reason", encoded.reason());
      }
    } catch (RuntimeException | StackOverflowError e) {
      node.put("reason", "its value could not be read (" + e + ")");
    } catch (OutOfMemoryError e) {
      node.put("reason", "the kernel ran out of memory capturing it");
    }
    return node;
  }
}
