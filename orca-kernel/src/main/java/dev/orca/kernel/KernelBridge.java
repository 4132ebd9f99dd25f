package dev.orca.kernel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The host side of kernel → host calls: kernel code calls a built-in ({@code callTool}, {@code
 * searchTools}, {@code callSubagent}, …), the request crosses the kernel's own channel as JSON, and
 * the kernel blocks until the host answers. Implementations must be thread-safe: a cell may fan out
 * many calls at once.
 */
@FunctionalInterface
public interface KernelBridge {

  /**
   * Answers one call from kernel code.
   *
   * @param method the built-in's name, e.g. {@code "callTool"}
   * @param args the call's arguments as JSON
   * @return the result as JSON (never a Java object)
   * @throws dev.orca.core.OrcaException with a message the kernel code (and a model) can act on; it
   *     is rethrown inside the kernel as an exception of the calling code
   */
  JsonNode call(String method, JsonNode args);

  /** A bridge that knows no methods: every call fails with a clear message. */
  KernelBridge NONE =
      (method, args) -> {
        throw dev.orca.core.OrcaException.invalid(
            method + " is not available in this kernel (no host bridge is attached).");
      };
}
