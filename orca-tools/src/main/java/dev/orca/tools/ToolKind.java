package dev.orca.tools;

import java.util.Locale;

/** Where a callable comes from (DESIGN.md §2.4: the {@code kind} of a search result). */
public enum ToolKind {
  /** A host tool ({@code @Tool} method) or a tool of an external MCP server. */
  TOOL,
  /** A learned function (a reviewed, tested Java skill). */
  FUNCTION,
  /** A learned or built-in sub-agent. */
  AGENT,
  /** One of Orca's own meta-tools ({@code execute_code}, {@code search_tools}, …). */
  META;

  /** The lower-case wire name: {@code tool}, {@code function}, {@code agent} or {@code meta}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
