package dev.orca.skills.store;

import dev.orca.core.OrcaException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A learned function's name and the names derived from it: the kernel method {@code parseDates},
 * its class {@code ParseDates} (file {@code ParseDates.java}) and its test class {@code
 * ParseDatesTest}.
 *
 * @param method the method name, lower camel case
 */
public record SkillName(String method) {

  private static final Pattern VALID = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

  /** Validates. */
  public SkillName {
    Objects.requireNonNull(method, "method");
    if (!VALID.matcher(method).matches()) {
      throw OrcaException.invalid(
          "A function name must be a Java method name in lower camel case (letters and digits,"
              + " at most 64), e.g. parseDates; got \""
              + method
              + "\".");
    }
  }

  /**
   * Accepts either the method name ({@code parseDates}) or the class name ({@code ParseDates}).
   *
   * @param text what the user typed
   * @return the name
   */
  public static SkillName of(String text) {
    String t = text == null ? "" : text.trim();
    if (t.endsWith(".java")) {
      t = t.substring(0, t.length() - 5);
    }
    if (!t.isEmpty() && Character.isUpperCase(t.charAt(0))) {
      t = t.substring(0, 1).toLowerCase(Locale.ROOT) + t.substring(1);
    }
    return new SkillName(t);
  }

  /** The class holding the function, e.g. {@code ParseDates}. */
  public String className() {
    return method.substring(0, 1).toUpperCase(Locale.ROOT) + method.substring(1);
  }

  /** The JUnit test class, e.g. {@code ParseDatesTest}. */
  public String testClassName() {
    return className() + "Test";
  }

  @Override
  public String toString() {
    return method;
  }
}
