package dev.orca.skills.gate;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and extracting Java sources (javaparser) shared by the gate's checks. */
public final class JavaSources {

  private static final Pattern FENCE =
      Pattern.compile("```[ \\t]*(?:java|Java|JAVA)?[ \\t]*\\n(.*?)```", Pattern.DOTALL);

  private JavaSources() {}

  /**
   * Parses a compilation unit.
   *
   * @param source Java source
   * @return the tree, or a one-line parse error
   */
  public static ParseOutcome parse(String source) {
    JavaParser parser =
        new JavaParser(
            new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setAttributeComments(true));
    ParseResult<CompilationUnit> r = parser.parse(source);
    if (r.isSuccessful() && r.getResult().isPresent()) {
      return new ParseOutcome(r.getResult(), "", 0);
    }
    Problem p = r.getProblems().isEmpty() ? null : r.getProblems().get(0);
    int line =
        p == null
            ? 0
            : p.getLocation()
                .flatMap(l -> l.getBegin().getRange())
                .map(range -> range.begin.line)
                .orElse(0);
    return new ParseOutcome(
        Optional.empty(), p == null ? "does not parse" : p.getVerboseMessage(), line);
  }

  /**
   * The parse result.
   *
   * @param unit the tree when it parsed
   * @param error the first problem otherwise
   * @param line its line, 0 when unknown
   */
  public record ParseOutcome(Optional<CompilationUnit> unit, String error, int line) {}

  /**
   * Takes the Java code out of a model's answer: the longest fenced block if there is one, the
   * whole text otherwise. A {@code package} declaration is removed (skills live in the default
   * package).
   *
   * @param answer the model's text
   * @return the code
   */
  public static String extractCode(String answer) {
    Matcher m = FENCE.matcher(answer);
    String best = null;
    while (m.find()) {
      if (best == null || m.group(1).length() > best.length()) {
        best = m.group(1);
      }
    }
    String code = best != null ? best : answer;
    return code.replaceFirst("(?m)^\\s*package\\s+[\\w.]+\\s*;\\s*\\n", "").strip() + "\n";
  }
}
