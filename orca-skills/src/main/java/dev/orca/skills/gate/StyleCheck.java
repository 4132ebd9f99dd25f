package dev.orca.skills.gate;

import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.ConfigurationLoader;
import com.puppycrawl.tools.checkstyle.PropertiesExpander;
import com.puppycrawl.tools.checkstyle.ThreadModeSettings;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;
import com.puppycrawl.tools.checkstyle.api.Configuration;
import com.puppycrawl.tools.checkstyle.api.SeverityLevel;
import dev.orca.core.OrcaException;
import dev.orca.skills.ReviewIssue;
import dev.orca.skills.Severity;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.xml.sax.InputSource;

/**
 * Checks generated sources against Orca's Checkstyle rule set ({@code
 * dev/orca/skills/checkstyle-skills.xml}): rule errors are major findings, warnings minor.
 */
public final class StyleCheck {

  /** Classpath resource of the rule set. */
  public static final String RULES = "/dev/orca/skills/checkstyle-skills.xml";

  private final Configuration config;

  /** Loads the rule set. */
  public StyleCheck() {
    try (InputStream in = StyleCheck.class.getResourceAsStream(RULES)) {
      if (in == null) {
        throw OrcaException.configuration("The Checkstyle rule set " + RULES + " is missing.");
      }
      config =
          ConfigurationLoader.loadConfiguration(
              new InputSource(in),
              new PropertiesExpander(new Properties()),
              ConfigurationLoader.IgnoredModulesOptions.OMIT,
              ThreadModeSettings.SINGLE_THREAD_MODE_INSTANCE);
    } catch (java.io.IOException | CheckstyleException e) {
      throw OrcaException.configuration("Cannot load the Checkstyle rule set: " + e.getMessage());
    }
  }

  /**
   * Checks one file.
   *
   * @param file a Java source file
   * @return findings, in file order
   */
  public List<ReviewIssue> check(Path file) {
    List<ReviewIssue> issues = new ArrayList<>();
    Checker checker = new Checker();
    try {
      checker.setModuleClassLoader(Checker.class.getClassLoader());
      checker.configure(config);
      checker.addListener(new Collector(issues));
      checker.process(List.of(file.toFile()));
    } catch (CheckstyleException e) {
      issues.add(
          new ReviewIssue(
              Severity.MAJOR,
              0,
              "Checkstyle could not check the file: " + e.getMessage(),
              "",
              "checkstyle"));
    } finally {
      checker.destroy();
    }
    return issues;
  }

  private record Collector(List<ReviewIssue> issues) implements AuditListener {
    @Override
    public void auditStarted(AuditEvent event) {}

    @Override
    public void auditFinished(AuditEvent event) {}

    @Override
    public void fileStarted(AuditEvent event) {}

    @Override
    public void fileFinished(AuditEvent event) {}

    @Override
    public void addError(AuditEvent event) {
      SeverityLevel level = event.getSeverityLevel();
      Severity severity =
          switch (level) {
            case ERROR -> Severity.MAJOR;
            case WARNING -> Severity.MINOR;
            default -> Severity.INFO;
          };
      String check = event.getModuleId() != null ? event.getModuleId() : shortName(event);
      issues.add(
          new ReviewIssue(
              severity,
              event.getLine(),
              event.getMessage() + " [" + check + "]",
              "",
              "checkstyle"));
    }

    @Override
    public void addException(AuditEvent event, Throwable throwable) {
      issues.add(
          new ReviewIssue(
              Severity.MAJOR,
              event.getLine(),
              "Checkstyle failed: " + throwable.getMessage(),
              "",
              "checkstyle"));
    }

    private static String shortName(AuditEvent event) {
      String s = event.getSourceName();
      return s == null ? "" : s.substring(s.lastIndexOf('.') + 1).replace("Check", "");
    }
  }
}
