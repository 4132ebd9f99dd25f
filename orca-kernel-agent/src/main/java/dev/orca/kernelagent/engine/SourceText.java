package dev.orca.kernelagent.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexical helpers for the replay checks: source with comments and literals blanked out, its
 * identifiers with their context, the names it assigns, and a declaration's initializer. A lexer,
 * not a parser: the checks built on it err on the side of "not pure".
 */
final class SourceText {
  private static final Pattern ASSIGNED =
      Pattern.compile("(?<![.\\w$])([A-Za-z_$][\\w$]*)\\s*(?:[-+*/%&|^]|<<|>>>?)?=(?!=)");
  private static final Pattern INCREMENTED =
      Pattern.compile(
          "(?:\\+\\+|--)\\s*([A-Za-z_$][\\w$]*)|(?<![.\\w$])([A-Za-z_$][\\w$]*)\\s*(?:\\+\\+|--)");

  private SourceText() {}

  /**
   * One identifier.
   *
   * @param text the identifier
   * @param member whether it follows {@code .} or {@code ::} (a member or a qualified name's part)
   * @param call whether {@code (} follows it
   * @param dotted whether {@code .} follows it
   */
  record Token(String text, boolean member, boolean call, boolean dotted) {}

  /** The source with comments, string and character literals and text blocks blanked out. */
  static String code(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        while (i < n && source.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        blank(source, i, end, out);
        i = end;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end + 3;
        out.append("\"\"");
        blank(source, i + 2, end, out);
        i = end;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        int end = Math.min(n, j + 1);
        out.append(c);
        blank(source, i + 1, end - 1, out);
        if (end - 1 > i) {
          out.append(c);
        }
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static void blank(String source, int from, int to, StringBuilder out) {
    for (int k = from; k < to && k < source.length(); k++) {
      out.append(source.charAt(k) == '\n' ? '\n' : ' ');
    }
  }

  /** The identifiers of blanked code, in order. */
  static List<Token> tokens(String code) {
    List<Token> out = new ArrayList<>();
    Matcher m = UserSnippets.IDENTIFIER.matcher(code);
    while (m.find()) {
      if (m.start() > 0 && Character.isDigit(code.charAt(m.start() - 1))) {
        continue; // a literal's suffix, e.g. 10L or 0x1F
      }
      int before = m.start() - 1;
      while (before >= 0 && Character.isWhitespace(code.charAt(before))) {
        before--;
      }
      boolean member = before >= 0 && (code.charAt(before) == '.' || code.charAt(before) == ':');
      int after = m.end();
      while (after < code.length() && Character.isWhitespace(code.charAt(after))) {
        after++;
      }
      boolean call = after < code.length() && code.charAt(after) == '(';
      boolean dotted = after < code.length() && code.charAt(after) == '.';
      out.add(new Token(m.group(), member, call, dotted));
    }
    return out;
  }

  /** Names blanked code assigns, compound-assigns, increments or decrements (or declares). */
  static Set<String> assignedNames(String code) {
    Set<String> names = new HashSet<>();
    Matcher m = ASSIGNED.matcher(code);
    while (m.find()) {
      names.add(m.group(1));
    }
    m = INCREMENTED.matcher(code);
    while (m.find()) {
      names.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return names;
  }

  /**
   * The initializer of a variable declaration in blanked code: what follows the first {@code =}
   * outside brackets, or {@code null} when there is none.
   */
  static String initializer(String code) {
    int depth = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == '=' && depth == 0) {
        char prev = i > 0 ? code.charAt(i - 1) : ' ';
        char next = i + 1 < code.length() ? code.charAt(i + 1) : ' ';
        if (next != '=' && "=!<>".indexOf(prev) < 0) {
          return code.substring(i + 1);
        }
      }
    }
    return null;
  }
}
