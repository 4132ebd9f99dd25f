package dev.orca.cli.mcp;

import dev.orca.core.OrcaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a tool call's arguments with messages a model can act on ("'code' is required: pass the
 * Java source as a string").
 */
final class ToolArgs {

  private final String tool;
  private final Map<String, Object> args;

  ToolArgs(String tool, Map<String, Object> args) {
    this.tool = tool;
    this.args = args == null ? Map.of() : args;
  }

  /** A required, non-blank string. */
  String requiredString(String name, String hint) {
    Object v = args.get(name);
    if (v == null) {
      throw OrcaException.invalid(tool + ": argument '" + name + "' is required: " + hint + ".");
    }
    if (!(v instanceof String s)) {
      throw OrcaException.invalid(
          tool
              + ": argument '"
              + name
              + "' must be a string (got "
              + typeOf(v)
              + "): "
              + hint
              + ".");
    }
    if (s.isBlank()) {
      throw OrcaException.invalid(tool + ": argument '" + name + "' is empty: " + hint + ".");
    }
    return s;
  }

  /** An optional string, or {@code null}. */
  String optionalString(String name) {
    Object v = args.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw OrcaException.invalid(
          tool + ": argument '" + name + "' must be a string (got " + typeOf(v) + ").");
    }
    return s.isBlank() ? null : s;
  }

  /** An optional whole number at least {@code min}, or {@code fallback}. */
  Integer integer(String name, Integer fallback, int min) {
    Object v = args.get(name);
    if (v == null) {
      return fallback;
    }
    long n;
    if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
      n = num.longValue();
    } else if (v instanceof String s && s.trim().matches("-?\\d{1,9}")) {
      n = Long.parseLong(s.trim());
    } else {
      throw OrcaException.invalid(
          tool + ": argument '" + name + "' must be a whole number (got " + v + ").");
    }
    if (n < min) {
      throw OrcaException.invalid(
          tool + ": argument '" + name + "' must be at least " + min + " (got " + n + ").");
    }
    return (int) Math.min(n, Integer.MAX_VALUE);
  }

  /** An optional list of strings (a single string counts as a one-element list). */
  List<String> stringList(String name) {
    Object v = args.get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (!(v instanceof List<?> list)) {
      throw OrcaException.invalid(
          tool + ": argument '" + name + "' must be a list of strings (got " + typeOf(v) + ").");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  private static String typeOf(Object v) {
    if (v instanceof Number) {
      return "a number";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v instanceof List) {
      return "a list";
    }
    if (v instanceof Map) {
      return "an object";
    }
    return v.getClass().getSimpleName();
  }
}
