package dev.orca.tools.bench;

import dev.orca.tools.ToolSpec;
import java.util.Objects;

/**
 * One line of a tool catalog ({@code ../shared/data/tools/catalog.jsonl} format).
 *
 * @param spec the tool (id {@code server::name})
 * @param source which benchmark catalog it belongs to ({@code msc-bench}, {@code livemcpbench},
 *     {@code popular}, …)
 */
public record CatalogTool(ToolSpec spec, String source) {
  /** Validates. */
  public CatalogTool {
    Objects.requireNonNull(spec, "spec");
    source = source == null ? "" : source;
  }
}
