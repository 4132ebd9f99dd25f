package dev.orca.tools.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orca.core.OrcaException;
import dev.orca.tools.RegisteredTool;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.bridge.internal.ArgumentValidator;
import java.util.List;
import java.util.Locale;

/**
 * The {@code callTool} built-in: {@code {"name": id-or-name, "args": {...}}} → the tool's result as
 * JSON. Arguments are checked against the tool's schema first (unknown tool, wrong types, missing
 * required arguments fail with a message that says what to fix); a result larger than {@link
 * #maxResultBytes()} is refused with a message, so a huge result never floods the kernel channel.
 */
public final class CallToolHandler implements BridgeHandler {

  /** Default cap on one result's JSON size: 4 MiB. */
  public static final int DEFAULT_MAX_RESULT_BYTES = 4 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ToolRegistry registry;
  private final int maxResultBytes;

  /**
   * Creates the handler.
   *
   * @param registry where tools are looked up
   * @param maxResultBytes the largest result (as JSON bytes) passed back to the kernel
   */
  public CallToolHandler(ToolRegistry registry, int maxResultBytes) {
    this.registry = registry;
    if (maxResultBytes < 1024) {
      throw new IllegalArgumentException("maxResultBytes must be at least 1024: " + maxResultBytes);
    }
    this.maxResultBytes = maxResultBytes;
  }

  /** The largest result passed back, in bytes of JSON. */
  public int maxResultBytes() {
    return maxResultBytes;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    JsonNode nameNode = request.path("name");
    if (!nameNode.isTextual() || nameNode.asText().isBlank()) {
      throw OrcaException.invalid(
          "callTool needs a tool name, e.g. callTool(\"server::tool\", Map.of(...)).");
    }
    RegisteredTool tool = registry.resolve(nameNode.asText());
    JsonNode args = request.path("args");
    if (args.isMissingNode() || args.isNull()) {
      args = JsonNodeFactory.instance.objectNode();
    }
    if (!args.isObject()) {
      throw OrcaException.invalid(
          "Arguments of "
              + tool.spec().id()
              + " must be a Map of name to value, got "
              + args.getNodeType().name().toLowerCase(Locale.ROOT)
              + ".");
    }
    List<String> problems = ArgumentValidator.validate(tool.spec().parameters(), args);
    if (!problems.isEmpty()) {
      throw OrcaException.invalid(
          "Bad arguments for tool "
              + tool.spec().id()
              + ": "
              + String.join("; ", problems)
              + ". Expected: "
              + ToolStubGenerator.signature(tool.spec())
              + ".");
    }
    JsonNode result = tool.invoker().invoke(args);
    if (result == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    checkSize(tool, result);
    return result;
  }

  private void checkSize(RegisteredTool tool, JsonNode result) {
    long size;
    try {
      size = JSON.writeValueAsBytes(result).length;
    } catch (JsonProcessingException e) {
      throw OrcaException.invalid(
          "Result of " + tool.spec().id() + " is not valid JSON: " + e.getMessage());
    }
    if (size > maxResultBytes) {
      throw OrcaException.invalid(
          String.format(
              Locale.ROOT,
              "Result of tool %s is %.1f MB, over the %.1f MB limit for one call; it was not"
                  + " passed to the kernel. Ask for less (a page, a filter, a smaller range).",
              tool.spec().id(),
              size / 1e6,
              maxResultBytes / 1e6));
    }
  }
}
