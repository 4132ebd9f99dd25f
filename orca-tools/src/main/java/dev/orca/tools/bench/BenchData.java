package dev.orca.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.core.OrcaException;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads catalog and query files (JSON Lines) with clear errors for bad lines. */
public final class BenchData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchData() {}

  /**
   * Reads a tool catalog.
   *
   * @param file the JSONL file
   * @return its tools, in file order
   */
  public static List<CatalogTool> catalog(Path file) {
    List<CatalogTool> tools = new ArrayList<>();
    forEachLine(
        file,
        (line, node) -> {
          String server = text(node, "server");
          String name = text(node, "name");
          String id = node.hasNonNull("id") ? node.get("id").asText() : server + "::" + name;
          if (name.isEmpty()) {
            throw new IllegalArgumentException("missing \"name\"");
          }
          ToolSpec spec =
              new ToolSpec(
                  id,
                  name,
                  text(node, "description"),
                  node.get("input_schema"),
                  "",
                  ToolKind.TOOL,
                  server.isEmpty() ? null : server);
          tools.add(new CatalogTool(spec, text(node, "source")));
        });
    return tools;
  }

  /**
   * Reads retrieval queries.
   *
   * @param file the JSONL file
   * @return its queries, in file order
   */
  public static List<RetrievalQuery> queries(Path file) {
    List<RetrievalQuery> queries = new ArrayList<>();
    forEachLine(
        file,
        (line, node) -> {
          List<List<String>> groups = new ArrayList<>();
          for (JsonNode group : node.path("relevant_groups")) {
            List<String> ids = new ArrayList<>();
            group.forEach(g -> ids.add(g.asText()));
            groups.add(ids);
          }
          if (groups.isEmpty() && node.path("relevant").size() > 0) {
            node.path("relevant").forEach(r -> groups.add(List.of(r.asText())));
          }
          queries.add(
              new RetrievalQuery(
                  text(node, "id"),
                  text(node, "benchmark"),
                  node.path("level").asInt(0),
                  text(node, "query"),
                  groups,
                  text(node, "catalog_source")));
        });
    return queries;
  }

  private interface LineHandler {
    void accept(int line, JsonNode node);
  }

  private static void forEachLine(Path file, LineHandler handler) {
    if (!Files.isRegularFile(file)) {
      throw OrcaException.configuration("File not found: " + file);
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      int line = 0;
      while ((text = reader.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        try {
          handler.accept(line, JSON.readTree(text));
        } catch (IOException | RuntimeException e) {
          throw OrcaException.configuration(
              file + " line " + line + " is not a valid entry: " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw OrcaException.configuration("Cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }
}
