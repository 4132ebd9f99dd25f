package dev.orca.tools.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.OrcaException;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.search.ToolHit;
import dev.orca.tools.search.ToolSearch;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code searchTools} built-in (and the {@code search_tools} meta-tool): {@code {"query",
 * "limit"}} → {@code {"results": [{id, name, kind, signature, description, parameters, score}]}}.
 * Each result is bounded: descriptions are cut at {@value #MAX_DESCRIPTION} characters with a
 * pointer to the full text ({@code describe_tool}), parameter lists at {@value #MAX_PARAMETERS}.
 * When even the best hit scores below the search's {@linkplain ToolSearch#matchThreshold() match
 * threshold}, a {@code note} says the tool asked for is probably not installed.
 */
public final class SearchToolsHandler implements BridgeHandler {

  /** Longest description in a result, in characters. */
  public static final int MAX_DESCRIPTION = 300;

  /** Longest parameter summary in a result, in characters. */
  public static final int MAX_PARAMETERS = 300;

  /** Most results one search returns. */
  public static final int MAX_LIMIT = 50;

  private final ToolSearch search;
  private final Runnable beforeSearch;

  /**
   * Creates the handler.
   *
   * @param search the search
   * @param beforeSearch run before each search (e.g. start lazily connected MCP servers)
   */
  public SearchToolsHandler(ToolSearch search, Runnable beforeSearch) {
    this.search = search;
    this.beforeSearch = beforeSearch == null ? () -> {} : beforeSearch;
  }

  @Override
  public JsonNode handle(JsonNode args) {
    JsonNode query = args.path("query");
    if (!query.isTextual() || query.asText().isBlank()) {
      throw OrcaException.invalid(
          "searchTools needs a query, e.g. searchTools(\"create an issue\").");
    }
    int limit = args.path("limit").asInt(5);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw OrcaException.invalid(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit + ".");
    }
    beforeSearch.run();
    return results(search.search(query.asText(), limit), search.matchThreshold());
  }

  /**
   * The wire form of hits, with a note when the best one scores below {@code threshold}.
   *
   * @param hits search hits
   * @param threshold the search's match threshold, or {@code NaN} for none
   * @return {@code {"results": [...], "note"?: "..."}}
   */
  public static ObjectNode results(List<ToolHit> hits, double threshold) {
    ObjectNode out = results(hits);
    double best = hits.isEmpty() ? 0 : hits.get(0).score();
    if (!Double.isNaN(threshold) && best < threshold) {
      out.put(
          "note",
          hits.isEmpty()
              ? "No tool matches this query. The tool you need is probably not installed."
              : String.format(
                  Locale.ROOT,
                  "No close match: the best score is %.2f, below %.2f, so none of these tools"
                      + " likely does what was asked. Try other words, or say that no installed"
                      + " tool does it.",
                  best,
                  threshold));
    }
    return out;
  }

  /**
   * The wire form of hits.
   *
   * @param hits search hits
   * @return {@code {"results": [...]}}
   */
  public static ObjectNode results(List<ToolHit> hits) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode results = out.putArray("results");
    for (ToolHit hit : hits) {
      ToolSpec spec = hit.spec();
      ObjectNode r = results.addObject();
      r.put("id", spec.id());
      r.put("name", spec.name());
      r.put("kind", spec.kind().wireName());
      r.put("signature", ToolStubGenerator.signature(spec));
      r.put("description", boundedDescription(spec));
      r.put("parameters", parameterSummary(spec.parameters()));
      r.put("score", Math.round(hit.score() * 1000) / 1000.0);
    }
    return out;
  }

  /**
   * The description, cut with a pointer to the full one when longer than {@link #MAX_DESCRIPTION}.
   *
   * @param spec the tool
   * @return at most about {@link #MAX_DESCRIPTION} + 70 characters
   */
  public static String boundedDescription(ToolSpec spec) {
    String d = spec.description().replaceAll("\\s+", " ").trim();
    if (d.length() <= MAX_DESCRIPTION) {
      return d;
    }
    return d.substring(0, MAX_DESCRIPTION)
        + "… (full description: callTool(\"describe_tool\", Map.of(\"id\", \""
        + spec.id()
        + "\")))";
  }

  /**
   * A compact parameter summary: {@code owner: string (required); per_page: integer}.
   *
   * @param schema the argument schema
   * @return at most about {@link #MAX_PARAMETERS} characters
   */
  public static String parameterSummary(JsonNode schema) {
    StringBuilder out = new StringBuilder();
    java.util.Set<String> required = new java.util.HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    for (Map.Entry<String, JsonNode> p :
        (Iterable<Map.Entry<String, JsonNode>>) () -> schema.path("properties").fields()) {
      String type =
          p.getValue().path("type").isTextual() ? p.getValue().path("type").asText() : "any";
      String item = p.getKey() + ": " + type + (required.contains(p.getKey()) ? " (required)" : "");
      if (out.length() + item.length() + 2 > MAX_PARAMETERS) {
        out.append("; …");
        break;
      }
      out.append(out.length() == 0 ? "" : "; ").append(item);
    }
    return out.toString();
  }
}
