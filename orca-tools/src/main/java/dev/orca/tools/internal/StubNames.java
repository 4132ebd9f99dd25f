package dev.orca.tools.internal;

import dev.orca.tools.ToolSpec;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Turns tool, server and parameter names into valid, stable Java identifiers. */
public final class StubNames {

  /** Java's contextual keywords, which a stub may not use as a name either. */
  private static final Set<String> RESTRICTED =
      Set.of("var", "record", "yield", "sealed", "permits", "_");

  private static boolean reserved(String word) {
    return SourceVersion.isKeyword(word) || RESTRICTED.contains(word);
  }

  private StubNames() {}

  /**
   * The stub method's name for a tool: {@code server_name} in snake case for server tools (e.g.
   * {@code github_create_pull_request}), the tool's own name for the others.
   *
   * @param spec the tool
   * @return a valid Java identifier
   */
  public static String methodName(ToolSpec spec) {
    String raw = spec.server() == null ? spec.name() : spec.server() + "_" + spec.name();
    return identifier(raw, false);
  }

  /**
   * A valid Java identifier from any text: letters and digits kept, everything else turned into
   * {@code _}, lower-cased for snake case unless {@code keepCase}; reserved words get a trailing
   * {@code _}.
   *
   * @param raw the text
   * @param keepCase whether to keep the case of letters
   * @return the identifier
   */
  public static String identifier(String raw, boolean keepCase) {
    StringBuilder out = new StringBuilder(raw.length());
    boolean underscore = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128) {
        out.append(keepCase ? c : Character.toLowerCase(c));
        underscore = false;
      } else if (!underscore && out.length() > 0) {
        out.append('_');
        underscore = true;
      }
    }
    while (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
      out.setLength(out.length() - 1);
    }
    if (out.length() == 0) {
      out.append("tool");
    }
    if (Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    String id = out.toString();
    return reserved(id) ? id + "_" : id;
  }

  /**
   * A type name in upper camel case, e.g. {@code github_create_pull_request} → {@code
   * GithubCreatePullRequest}.
   *
   * @param raw the text
   * @return the type name
   */
  public static String typeName(String raw) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128) {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, 'T');
    }
    return out.toString();
  }

  /**
   * A lower-camel parameter name from a JSON property, e.g. {@code per_page} → {@code perPage}.
   *
   * @param property the property name
   * @return a valid identifier
   */
  public static String parameterName(String property) {
    String type = typeName(property);
    String camel = Character.toLowerCase(type.charAt(0)) + type.substring(1);
    String id = identifier(camel, true);
    return reserved(id.toLowerCase(Locale.ROOT)) ? id + "_" : id;
  }
}
