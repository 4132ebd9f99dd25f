package dev.orca.tools.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orca.tools.MetaTools;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolSpec;
import dev.orca.tools.internal.StubNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates a typed Java stub for a tool: a top-level method named after the tool (e.g. {@code
 * github_create_pull_request(String owner, String repo, …)}) that packs its arguments into a map
 * and calls the kernel built-in {@code callTool(id, args)}; for object parameters whose schema
 * lists properties, a record with a {@code toMap()} is generated and taken instead of a map. When
 * some parameters are optional, a second overload takes only the required ones. Tools with more
 * than {@value #MAX_PARAMETERS} parameters get a single {@code Map<String, Object>} overload.
 *
 * <p>JSON types map to Java as: string → {@code String}, integer and number → {@code Number} (so
 * {@code 5}, {@code 5L} and {@code 2.5} all fit), boolean → {@code Boolean}, array → {@code
 * List<?>} ({@code List<String>} for string items), object → the record or {@code Map<String, ?>}.
 * Optional parameters accept {@code null}, which leaves them out of the call.
 */
public final class ToolStubGenerator {

  /** Beyond this many parameters, the stub takes a map. */
  public static final int MAX_PARAMETERS = 10;

  private ToolStubGenerator() {}

  private record Param(String json, String java, String type, boolean required, String record) {}

  /**
   * Generates the stub.
   *
   * @param spec the tool
   * @return its stub
   */
  public static ToolStub generate(ToolSpec spec) {
    String method = StubNames.methodName(spec);
    if (spec.kind() == ToolKind.META) {
      String sig = MetaTools.KERNEL_SIGNATURES.getOrDefault(spec.name(), spec.name() + "(...)");
      return new ToolStub(spec.id(), method, sig, "");
    }
    String typePrefix = StubNames.typeName(method);
    List<String> snippets = new ArrayList<>();
    List<Param> params = new ArrayList<>();
    Set<String> used = new HashSet<>();
    JsonNode properties = spec.parameters().path("properties");
    Set<String> required = new HashSet<>();
    spec.parameters().path("required").forEach(r -> required.add(r.asText()));
    for (Map.Entry<String, JsonNode> p : iterable(properties)) {
      String java = unique(StubNames.parameterName(p.getKey()), used);
      String record = null;
      String type = javaType(p.getValue());
      if (isRecordCandidate(p.getValue())) {
        record = typePrefix + StubNames.typeName(p.getKey());
        snippets.add(recordSource(record, p.getValue()));
        type = record;
      }
      params.add(new Param(p.getKey(), java, type, required.contains(p.getKey()), record));
    }
    String doc = javadoc(spec);
    String signature;
    if (params.size() > MAX_PARAMETERS) {
      signature = "Object " + method + "(java.util.Map<String, ?> args)";
      snippets.add(doc + signature + " {\n  return callTool(" + quote(spec.id()) + ", args);\n}");
      return new ToolStub(spec.id(), method, signature, String.join("\n\n", snippets));
    }
    signature = "Object " + method + "(" + parameterList(params) + ")";
    snippets.add(doc + methodSource(signature, spec.id(), params));
    List<Param> requiredOnly = params.stream().filter(Param::required).toList();
    if (requiredOnly.size() < params.size()) {
      // JShell resolves a call to the method's own name inside its body to itself only, so the
      // short overload calls callTool directly instead of delegating to the full one.
      String shortSignature = "Object " + method + "(" + parameterList(requiredOnly) + ")";
      snippets.add(methodSource(shortSignature, spec.id(), requiredOnly));
    }
    return new ToolStub(spec.id(), method, signature, String.join("\n\n", snippets));
  }

  /**
   * The short signature shown in search results: the stub's main overload.
   *
   * @param spec the tool
   * @return e.g. {@code Object github_create_pull_request(String owner, String repo)}
   */
  public static String signature(ToolSpec spec) {
    return generate(spec).signature();
  }

  private static String methodSource(String signature, String id, List<Param> params) {
    StringBuilder body = new StringBuilder(signature).append(" {\n");
    body.append("  java.util.Map<String, Object> args = new java.util.LinkedHashMap<>();\n");
    for (Param p : params) {
      String value = p.record() != null ? p.java() + ".toMap()" : p.java();
      body.append("  if (")
          .append(p.java())
          .append(" != null) args.put(")
          .append(quote(p.json()))
          .append(", ")
          .append(value)
          .append(");\n");
    }
    return body.append("  return callTool(").append(quote(id)).append(", args);\n}").toString();
  }

  private static String parameterList(List<Param> params) {
    StringBuilder out = new StringBuilder();
    for (Param p : params) {
      out.append(out.length() == 0 ? "" : ", ").append(p.type()).append(' ').append(p.java());
    }
    return out.toString();
  }

  private static boolean isRecordCandidate(JsonNode schema) {
    JsonNode props = schema.path("properties");
    return "object".equals(schema.path("type").asText())
        && props.isObject()
        && props.size() > 0
        && props.size() <= MAX_PARAMETERS;
  }

  private static String recordSource(String name, JsonNode schema) {
    List<String> components = new ArrayList<>();
    List<String> puts = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Map.Entry<String, JsonNode> p : iterable(schema.path("properties"))) {
      String java = unique(StubNames.parameterName(p.getKey()), used);
      components.add(javaType(p.getValue()) + " " + java);
      puts.add("    if (" + java + " != null) m.put(" + quote(p.getKey()) + ", " + java + ");\n");
    }
    return "record "
        + name
        + "("
        + String.join(", ", components)
        + ") {\n  java.util.Map<String, Object> toMap() {\n"
        + "    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();\n"
        + String.join("", puts)
        + "    return m;\n  }\n}";
  }

  private static String javaType(JsonNode schema) {
    JsonNode type = schema.get("type");
    String t = type == null ? "" : type.isArray() ? firstNonNull(type) : type.asText();
    return switch (t) {
      case "string" -> "String";
      case "integer", "number" -> "Number";
      case "boolean" -> "Boolean";
      case "array" ->
          "string".equals(schema.path("items").path("type").asText())
              ? "java.util.List<String>"
              : "java.util.List<?>";
      case "object" -> "java.util.Map<String, ?>";
      default -> "Object";
    };
  }

  private static String firstNonNull(JsonNode types) {
    for (JsonNode t : types) {
      if (!"null".equals(t.asText())) {
        return t.asText();
      }
    }
    return "";
  }

  private static String javadoc(ToolSpec spec) {
    String d = spec.description().replaceAll("\\s+", " ").trim();
    if (d.length() > 200) {
      d = d.substring(0, 200) + "…";
    }
    d = d.replace("*/", "* /");
    return "/** "
        + (d.isEmpty() ? spec.id() : d)
        + " (tool "
        + spec.id().replace("*/", "")
        + ") */\n";
  }

  private static String unique(String name, Set<String> used) {
    String candidate = name;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = name + i;
    }
    return candidate;
  }

  /**
   * A Java string literal.
   *
   * @param text the text
   * @return the quoted, escaped literal
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}
