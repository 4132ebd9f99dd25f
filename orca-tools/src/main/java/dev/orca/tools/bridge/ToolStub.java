package dev.orca.tools.bridge;

import java.util.Objects;

/**
 * Java source for calling one tool from kernel code.
 *
 * @param toolId the tool's id
 * @param methodName the stub method's name
 * @param signature the main overload's signature, e.g. {@code Object
 *     github_create_pull_request(String owner, String repo)}
 * @param source records and methods to eval into the kernel (each a separate JShell snippet,
 *     separated by blank lines)
 */
public record ToolStub(String toolId, String methodName, String signature, String source) {
  /** Validates. */
  public ToolStub {
    Objects.requireNonNull(toolId, "toolId");
    Objects.requireNonNull(methodName, "methodName");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(source, "source");
  }
}
