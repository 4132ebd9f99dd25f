package dev.orca.cli;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One of Orca's meta-tools (DESIGN.md §2.4) or kernel built-ins (§2.5), as the MCP server lists it
 * and {@code search_tools} finds it.
 *
 * @param name the MCP tool name, e.g. {@code execute_code}
 * @param builtin the kernel built-in's Java name, e.g. {@code executeCode}, or the same name
 * @param signature the built-in's Java signature as kernel code calls it
 * @param description what it does and when to use it
 * @param inputSchema the JSON schema of its arguments
 * @param keywords extra words that help a keyword search find it
 */
public record MetaTool(
    String name,
    String builtin,
    String signature,
    String description,
    Map<String, Object> inputSchema,
    List<String> keywords) {

  /** Validates and copies. */
  public MetaTool {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(builtin, "builtin");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(description, "description");
    inputSchema = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputSchema));
    keywords = List.copyOf(keywords);
  }
}
