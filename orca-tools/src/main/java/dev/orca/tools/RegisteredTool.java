package dev.orca.tools;

import java.util.Objects;

/**
 * A tool in the registry: what it is and how to run it.
 *
 * @param spec the description
 * @param invoker runs it
 */
public record RegisteredTool(ToolSpec spec, ToolInvoker invoker) {
  /** Validates. */
  public RegisteredTool {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(invoker, "invoker");
  }
}
