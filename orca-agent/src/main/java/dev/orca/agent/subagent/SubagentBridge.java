package dev.orca.agent.subagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.OrcaException;
import dev.orca.tools.bridge.BridgeRouter;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves the kernel built-ins {@code callSubagent} and {@code mapSubagent} on the host side of the
 * kernel bridge. The kernel renders the variable itself and sends its value (see the bridge
 * contract):
 *
 * <ul>
 *   <li>{@code callSubagent {"name", "variableName", "data", "text"}} → {@code {"result": str|json,
 *       "tokens": int}}
 *   <li>{@code mapSubagent {"name", "listVariableName", "items": [{"data", "text"}...],
 *       "concurrency"}} → {@code {"results": [{"index", "ok", "result"|"error"}...], "tokens":
 *       int}}
 * </ul>
 *
 * A failed {@code callSubagent} becomes an exception of the kernel code with the runner's message;
 * a failed element of {@code mapSubagent} is reported in its own result.
 */
public final class SubagentBridge {

  /** The built-in that hands one variable to a sub-agent. */
  public static final String CALL = "callSubagent";

  /** The built-in that hands each element of a list to a sub-agent. */
  public static final String MAP = "mapSubagent";

  /** Concurrency used when {@code mapSubagent} is called without one. */
  public static final int DEFAULT_CONCURRENCY = 4;

  private SubagentBridge() {}

  /**
   * Registers both handlers.
   *
   * @param router the kernel's bridge router
   * @param runner runs the sub-agents
   */
  public static void register(BridgeRouter router, SubagentRunner runner) {
    register(router, runner, MapProgress.NONE);
  }

  /**
   * Registers both handlers, reporting fan-out progress.
   *
   * @param router the kernel's bridge router
   * @param runner runs the sub-agents
   * @param progress hears about each finished element of a fan-out (e.g. the CLI's status line)
   */
  public static void register(BridgeRouter router, SubagentRunner runner, MapProgress progress) {
    router.register(CALL, args -> call(runner, args));
    router.register(MAP, args -> map(runner, args, progress));
  }

  /**
   * Answers one {@code callSubagent}.
   *
   * @param runner runs the sub-agent
   * @param args {@code {"name", "variableName", "data", "text"}}
   * @return {@code {"result", "tokens"}}
   */
  public static JsonNode call(SubagentRunner runner, JsonNode args) {
    String name = requiredName(args, CALL);
    JsonNode data = args.get("data");
    String text = textOrNull(args.get("text"));
    if ((data == null || data.isNull()) && text == null) {
      throw OrcaException.invalid(
          CALL
              + "(\""
              + name
              + "\", \""
              + args.path("variableName").asText("?")
              + "\"): the variable is null or empty; there is nothing to hand over.");
    }
    SubagentResult result = runner.call(name, data, text);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("result", result.result());
    out.put("tokens", result.tokens());
    return out;
  }

  /**
   * Answers one {@code mapSubagent}.
   *
   * @param runner runs the sub-agent
   * @param args {@code {"name", "listVariableName", "items", "concurrency"}}
   * @param progress hears about each finished element
   * @return {@code {"results", "tokens"}}
   */
  public static JsonNode map(SubagentRunner runner, JsonNode args, MapProgress progress) {
    String name = requiredName(args, MAP);
    JsonNode items = args.get("items");
    if (items == null || !items.isArray()) {
      throw OrcaException.invalid(
          MAP
              + "(\""
              + name
              + "\", \""
              + args.path("listVariableName").asText("?")
              + "\"): the variable is not a list (or array); hand a List of elements.");
    }
    int concurrency = args.path("concurrency").asInt(DEFAULT_CONCURRENCY);
    List<MapItem> list = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      if (item.isObject() && (item.has("data") || item.has("text"))) {
        list.add(new MapItem(item.get("data"), textOrNull(item.get("text"))));
      } else {
        list.add(new MapItem(item, item.isTextual() ? item.asText() : null));
      }
    }
    MapResult result = runner.map(name, list, concurrency, progress);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode results = out.putArray("results");
    for (MapResult.Item item : result.items()) {
      ObjectNode r = results.addObject();
      r.put("index", item.index());
      r.put("ok", item.ok());
      if (item.ok()) {
        r.set("result", item.result());
      } else {
        r.put("error", item.error());
      }
    }
    out.put("tokens", result.tokens());
    return out;
  }

  private static String requiredName(JsonNode args, String method) {
    String name = args == null ? null : textOrNull(args.get("name"));
    if (name == null) {
      throw OrcaException.invalid(
          method + " needs the sub-agent's name as its first argument, e.g. \"summarizer\".");
    }
    return name;
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() || !node.isTextual() || node.asText().isBlank()
        ? null
        : node.asText();
  }
}
