package dev.orca.skills.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import dev.orca.skills.DeployedFunction;
import dev.orca.skills.gate.FormCheck;
import dev.orca.skills.gate.JavaSources;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolSpec;
import java.util.Locale;

/**
 * Describes a deployed learned function for the tool registry (and so for {@code search_tools}).
 */
public final class FunctionSpecs {

  private FunctionSpecs() {}

  /**
   * The registry entry of a function: kind {@code function}, its signature and description, and a
   * JSON schema of its parameters.
   *
   * @param f the function
   * @return the spec
   */
  public static ToolSpec of(DeployedFunction f) {
    ObjectNode schema = ToolSpec.emptyObjectSchema();
    String returns = "";
    CompilationUnit unit = JavaSources.parse(f.source()).unit().orElse(null);
    if (unit != null) {
      try {
        MethodDeclaration m = FormCheck.entryMethod(unit, f.name());
        ObjectNode props = (ObjectNode) schema.get("properties");
        var required = schema.putArray("required");
        for (Parameter p : m.getParameters()) {
          ObjectNode prop = props.putObject(p.getNameAsString());
          prop.put("type", jsonType(p.getType().asString() + (p.isVarArgs() ? "[]" : "")));
          prop.put("description", "Java type " + p.getType().asString());
          required.add(p.getNameAsString());
        }
        returns = m.getType().asString();
      } catch (IllegalArgumentException e) {
        // form changed: registered without a parameter schema
      }
    }
    String description =
        f.description()
            + (f.description().isEmpty() ? "" : " ")
            + "Learned function v"
            + f.version()
            + "; call it in kernel code as "
            + f.signature()
            + ".";
    return new ToolSpec(
        f.name().method(),
        f.name().method(),
        description,
        schema,
        returns,
        ToolKind.FUNCTION,
        null);
  }

  private static String jsonType(String javaType) {
    String t = javaType.replaceAll("<.*>", "").strip().toLowerCase(Locale.ROOT);
    if (t.endsWith("[]") || t.endsWith("list") || t.endsWith("set") || t.endsWith("collection")) {
      return "array";
    }
    return switch (t) {
      case "int", "long", "short", "byte", "integer", "biginteger" -> "integer";
      case "double", "float", "bigdecimal", "number" -> "number";
      case "boolean" -> "boolean";
      case "string",
          "char",
          "character",
          "charsequence",
          "localdate",
          "localdatetime",
          "instant",
          "duration" ->
          "string";
      default -> "object";
    };
  }

  /** A JSON node factory for callers building results. */
  static JsonNodeFactory json() {
    return JsonNodeFactory.instance;
  }
}
