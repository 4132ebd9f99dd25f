package dev.orca.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.orca.core.OrcaException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Host tools: Java methods annotated with LangChain4j's {@link Tool}, turned into {@link ToolSpec}s
 * by LangChain4j's own {@link ToolSpecifications} and run by its {@link DefaultToolExecutor}.
 */
public final class HostTools {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HostTools() {}

  /**
   * The tools of an object's {@code @Tool} methods.
   *
   * @param toolObject an object with {@code @Tool}-annotated methods
   * @return one registered tool per method (kind {@code tool}, no server)
   * @throws IllegalArgumentException when the object has no {@code @Tool} method
   */
  public static List<RegisteredTool> from(Object toolObject) {
    List<RegisteredTool> tools = new ArrayList<>();
    for (Method method : toolObject.getClass().getDeclaredMethods()) {
      if (!method.isAnnotationPresent(Tool.class)) {
        continue;
      }
      ToolSpecification lc = ToolSpecifications.toolSpecificationFrom(method);
      ToolSpec spec =
          new ToolSpec(
              lc.name(),
              lc.name(),
              lc.description(),
              schemaOf(lc.parameters()),
              method.getReturnType() == void.class
                  ? ""
                  : method.getGenericReturnType().getTypeName(),
              ToolKind.TOOL,
              null);
      DefaultToolExecutor executor =
          DefaultToolExecutor.builder()
              .object(toolObject)
              .originalMethod(method)
              .methodToInvoke(method)
              .wrapToolArgumentsExceptions(true)
              .propagateToolExecutionExceptions(true)
              .build();
      boolean textResult = CharSequence.class.isAssignableFrom(method.getReturnType());
      tools.add(new RegisteredTool(spec, args -> execute(lc.name(), executor, args, textResult)));
    }
    if (tools.isEmpty()) {
      throw new IllegalArgumentException(
          toolObject.getClass().getName() + " has no method annotated with @Tool");
    }
    return tools;
  }

  /**
   * Registers an object's {@code @Tool} methods.
   *
   * @param registry where to add them
   * @param toolObject the object
   * @return the specs added
   */
  public static List<ToolSpec> register(ToolRegistry registry, Object toolObject) {
    List<RegisteredTool> tools = from(toolObject);
    registry.registerAll(tools);
    return tools.stream().map(RegisteredTool::spec).toList();
  }

  private static JsonNode execute(
      String name, DefaultToolExecutor executor, JsonNode args, boolean textResult) {
    ToolExecutionRequest request =
        ToolExecutionRequest.builder().id(name).name(name).arguments(args.toString()).build();
    String text;
    try {
      text = executor.execute(request, "orca");
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
      throw OrcaException.invalid(
          "Tool "
              + name
              + " failed: "
              + cause.getClass().getSimpleName()
              + ": "
              + cause.getMessage());
    }
    if (text == null) {
      return JSON.nullNode();
    }
    if (textResult) {
      return JSON.getNodeFactory().textNode(text);
    }
    try {
      return JSON.readTree(text);
    } catch (Exception notJson) {
      return JSON.getNodeFactory().textNode(text);
    }
  }

  private static JsonNode schemaOf(JsonObjectSchema parameters) {
    if (parameters == null) {
      return ToolSpec.emptyObjectSchema();
    }
    Map<String, Object> map = JsonSchemaElementUtils.toMap(parameters);
    return JSON.valueToTree(map);
  }
}
