package dev.orca.agent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.orca.agent.JsonSchemas;
import dev.orca.core.OrcaException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tool catalog in JSON Lines ({@code {"id","name","description","input_schema"}} per line, as in
 * {@code data/tools/catalog.jsonl}) turned into provider tool definitions with unique,
 * provider-valid names.
 *
 * @param tools the definitions, in file order
 * @param idsByName catalog id by provider name
 */
public record ToolCatalog(List<ToolSpecification> tools, Map<String, String> idsByName) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies. */
  public ToolCatalog {
    tools = List.copyOf(tools);
    idsByName = Map.copyOf(idsByName);
  }

  /**
   * Reads a catalog.
   *
   * @param file the JSON Lines file
   * @return the catalog
   * @throws OrcaException when the file cannot be read or a line is not a tool
   */
  public static ToolCatalog read(Path file) {
    List<ToolSpecification> tools = new ArrayList<>();
    Map<String, String> ids = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    try (BufferedReader r = Files.newBufferedReader(file)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode t = JSON.readTree(line);
        String id = t.path("id").asText(t.path("name").asText(""));
        if (id.isBlank()) {
          throw OrcaException.invalid(file + " line " + n + ": a tool needs an id or a name.");
        }
        String name = providerName(id, used);
        tools.add(JsonSchemas.tool(name, t.path("description").asText(""), t.get("input_schema")));
        ids.put(name, id);
      }
    } catch (IOException e) {
      throw OrcaException.invalid("Cannot read the tool catalog " + file + ": " + e.getMessage());
    }
    return new ToolCatalog(tools, ids);
  }

  /**
   * The provider name of a catalog id.
   *
   * @param id the catalog id
   * @return the name, or {@code null} when the catalog has no such tool
   */
  public String nameOf(String id) {
    for (Map.Entry<String, String> e : idsByName.entrySet()) {
      if (e.getValue().equals(id)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Only the tools with these catalog ids, in catalog order. */
  public ToolCatalog only(Set<String> catalogIds) {
    List<ToolSpecification> kept = new ArrayList<>();
    Map<String, String> ids = new LinkedHashMap<>();
    for (ToolSpecification t : tools) {
      String id = idsByName.get(t.name());
      if (catalogIds.contains(id)) {
        kept.add(t);
        ids.put(t.name(), id);
      }
    }
    return new ToolCatalog(kept, ids);
  }

  private static String providerName(String id, Set<String> used) {
    String base = id.replace("::", "__").replaceAll("[^A-Za-z0-9_-]", "_");
    if (base.length() > 60) {
      base = base.substring(0, 60);
    }
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }
}
