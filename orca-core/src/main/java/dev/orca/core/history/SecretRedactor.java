package dev.orca.core.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes anything that looks like a secret from text before it is stored or logged.
 *
 * <p>Two kinds of secrets are removed: the values of the process's secret-looking environment
 * variables (names containing {@code KEY}, {@code TOKEN}, {@code SECRET}, {@code PASSWORD}, {@code
 * CREDENTIAL}; values of 8 characters or more), wherever they occur; and strings shaped like API
 * keys of the usual providers ({@code sk-…}, {@code AKIA…}, {@code AIza…}, {@code ghp_…}, {@code
 * xoxb-…}, bearer tokens, quoted values assigned to {@code apiKey}/{@code token}/{@code
 * password}/{@code secret}). Each is replaced by {@value #MASK}. Thread-safe and immutable.
 */
public final class SecretRedactor {

  /** What a secret is replaced with. */
  public static final String MASK = "[REDACTED]";

  private static final Pattern SECRET_ENV_NAME =
      Pattern.compile("(?i).*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL).*");

  private static final int MIN_ENV_SECRET_LENGTH = 8;

  private static final List<Pattern> SHAPES =
      List.of(
          Pattern.compile("sk-[A-Za-z0-9][A-Za-z0-9_\\-]{15,}"),
          Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
          Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{35}"),
          Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
          Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{20,}"),
          Pattern.compile("\\bxox[abposr]-[A-Za-z0-9\\-]{10,}"));

  private static final Pattern BEARER =
      Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=\\-]{16,}");

  private static final Pattern ASSIGNED =
      Pattern.compile(
          "(?i)((?:api[_-]?key|secret|token|password|passwd)[\"']?\\s*[:=]\\s*[\"'])"
              + "[^\"'\\s]{8,}([\"'])");

  private static final SecretRedactor FROM_ENVIRONMENT = new SecretRedactor(System.getenv());

  private final List<String> literals;

  /**
   * Creates a redactor that also removes the secret-looking values of {@code environment}.
   *
   * @param environment variables to take secret values from (usually {@link System#getenv()})
   */
  public SecretRedactor(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, String> e : environment.entrySet()) {
      String value = e.getValue();
      if (value != null
          && value.strip().length() >= MIN_ENV_SECRET_LENGTH
          && SECRET_ENV_NAME.matcher(e.getKey()).matches()) {
        values.add(value.strip());
      }
    }
    // Longest first, so a secret that contains another is removed whole.
    values.sort(Comparator.comparingInt(String::length).reversed());
    this.literals = List.copyOf(values);
  }

  /** A redactor for this process's environment. */
  public static SecretRedactor fromEnvironment() {
    return FROM_ENVIRONMENT;
  }

  /**
   * Returns {@code text} with every secret replaced by {@value #MASK}.
   *
   * @param text the text, or {@code null}
   * @return the redacted text ({@code null} for {@code null})
   */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String literal : literals) {
      if (out.contains(literal)) {
        out = out.replace(literal, MASK);
      }
    }
    for (Pattern shape : SHAPES) {
      out = shape.matcher(out).replaceAll(MASK);
    }
    out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    out =
        ASSIGNED
            .matcher(out)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(2)));
    return out;
  }
}
