package dev.orca.agent.provider;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Removes API keys from text that may reach a log, a terminal, the history or a prompt. */
public final class Secrets {
  private static final Pattern KEY_LIKE =
      Pattern.compile(
          "\\b(sk-ant-[A-Za-z0-9_\\-]{8,}|sk-[A-Za-z0-9_\\-]{16,}|AIza[0-9A-Za-z_\\-]{20,})");

  private Secrets() {}

  /**
   * Replaces every occurrence of the given secrets, and anything shaped like a well-known API key,
   * with {@code [REDACTED]}.
   *
   * @param text the text, may be {@code null}
   * @param secrets known secrets (null and short entries are ignored)
   * @return the redacted text
   */
  public static String redact(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      if (s != null && s.length() >= 6) {
        out = out.replace(s, "[REDACTED]");
      }
    }
    return KEY_LIKE.matcher(out).replaceAll("[REDACTED]");
  }

  /** {@link #redact(String, Collection)} with one secret. */
  public static String redact(String text, String secret) {
    return redact(text, secret == null ? List.of() : List.of(secret));
  }
}
