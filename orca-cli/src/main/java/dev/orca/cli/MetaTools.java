package dev.orca.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.tools.ToolSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Orca's meta-tools (DESIGN.md §2.4) as the MCP server lists them, built from their one canonical
 * definition in {@link dev.orca.tools.MetaTools}, and a keyword search over them and the kernel
 * built-ins (§2.5). The MCP server lists these; {@code search_tools} and the REPL's {@code :search}
 * fall back to {@link #search} when no tool discovery is attached to the bridge.
 */
public final class MetaTools {

  /** The tools {@code orca mcp} lists without {@code --all-tools}. */
  public static final Set<String> DEFAULT_TOOLS = Set.of("execute_code", "search_tools");

  private static final ObjectMapper SCHEMA = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> SCHEMA_MAP = new TypeReference<>() {};
  private static final List<MetaTool> ALL = build();

  private MetaTools() {}

  /** Every meta-tool, in DESIGN.md §2.4 order. */
  public static List<MetaTool> all() {
    return ALL;
  }

  /** The meta-tool with this MCP name, if any. */
  public static Optional<MetaTool> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * A keyword search over the meta-tools: scores each by how many query words occur in its name,
   * built-in name, description and keywords (names count more); an exact name match ranks first.
   *
   * @param query free text, e.g. "run java code"
   * @param limit at most this many results
   * @return matches, best first, each with a score in (0, 1]
   */
  public static List<Match> search(String query, int limit) {
    String q = query == null ? "" : query.toLowerCase(Locale.ROOT).trim();
    List<String> words = new ArrayList<>();
    for (String w : q.split("[^a-z0-9]+")) {
      if (w.length() > 1) {
        words.add(w);
      }
    }
    List<Match> matches = new ArrayList<>();
    for (MetaTool tool : ALL) {
      String names =
          (tool.name() + " " + tool.builtin()).toLowerCase(Locale.ROOT).replace('_', ' ');
      String text =
          (tool.description() + " " + String.join(" ", tool.keywords())).toLowerCase(Locale.ROOT);
      boolean exact = q.equals(tool.name()) || q.equalsIgnoreCase(tool.builtin());
      double raw = 0;
      for (String w : words) {
        if (names.contains(w)) {
          raw += 2;
        } else if (text.contains(w)) {
          raw += 1;
        }
      }
      if (exact) {
        matches.add(new Match(tool, 1.0));
      } else if (raw > 0) {
        matches.add(new Match(tool, Math.min(0.99, raw / (2.0 * words.size()))));
      }
    }
    matches.sort(Comparator.comparingDouble(Match::score).reversed());
    return matches.subList(0, Math.min(Math.max(0, limit), matches.size()));
  }

  /**
   * One search hit.
   *
   * @param tool the meta-tool
   * @param score relevance in (0, 1]
   */
  public record Match(MetaTool tool, double score) {

    /** The hit as {@code search_tools} returns it: name, kind, signature, description, score. */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", tool.name());
      m.put("kind", "meta");
      m.put("signature", tool.signature());
      m.put("description", tool.description());
      m.put("score", Math.round(score * 1000) / 1000.0);
      return m;
    }
  }

  /**
   * The meta-tools as the MCP server lists them, from the one canonical definition in {@link
   * dev.orca.tools.MetaTools} (the orchestrator and the token benchmark use the same text).
   */
  private static List<MetaTool> build() {
    List<MetaTool> tools = new ArrayList<>();
    for (ToolSpec spec : dev.orca.tools.MetaTools.all()) {
      String signature =
          dev.orca.tools.MetaTools.KERNEL_SIGNATURES.getOrDefault(spec.name(), spec.name() + "()");
      tools.add(
          new MetaTool(
              spec.name(),
              builtinName(spec.name()),
              signature,
              spec.description(),
              SCHEMA.convertValue(spec.parameters(), SCHEMA_MAP),
              dev.orca.tools.MetaTools.KEYWORDS.getOrDefault(spec.name(), List.of())));
    }
    return List.copyOf(tools);
  }

  /** {@code save_session_state} → {@code saveSessionState}. */
  static String builtinName(String metaToolName) {
    StringBuilder b = new StringBuilder();
    boolean upper = false;
    for (char c : metaToolName.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }
}
