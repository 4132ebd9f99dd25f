package dev.orca.skills.session;

import dev.orca.core.OrcaException;
import java.util.regex.Pattern;

/** Validates session names: they become directory names under {@code learned_skills/sessions/}. */
public final class SessionName {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private SessionName() {}

  /**
   * Checks a session name.
   *
   * @param name the name
   * @return the name
   * @throws OrcaException when it is not 1–64 letters, digits, '.', '_' or '-' starting with a
   *     letter or digit
   */
  public static String check(String name) {
    if (name == null || !VALID.matcher(name).matches() || name.contains("..")) {
      throw OrcaException.invalid(
          "Invalid session name '"
              + name
              + "': use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
              + " (e.g. 'sales-2026').");
    }
    return name;
  }
}
