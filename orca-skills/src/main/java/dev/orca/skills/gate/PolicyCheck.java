package dev.orca.skills.gate;

import dev.orca.core.OrcaException;
import dev.orca.kernelagent.policy.ClassGuard;
import dev.orca.kernelagent.policy.PolicyViolation;
import dev.orca.skills.ReviewIssue;
import dev.orca.skills.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the kernel's bytecode policy ({@link ClassGuard}) over compiled skill classes, so that a
 * skill the kernel would refuse is refused before it is ever deployed.
 */
public final class PolicyCheck {

  private final ClassGuard guard;

  /**
   * Creates a check.
   *
   * @param guard the kernel's sandbox policy
   */
  public PolicyCheck(ClassGuard guard) {
    this.guard = guard;
  }

  /**
   * Checks every class file under a directory except the given helper classes.
   *
   * @param classesDir compiled classes (default package and subdirectories)
   * @param skip binary names of classes Orca itself supplies (e.g. {@code OrcaBridge})
   * @return one critical issue per refused class, empty when all pass
   */
  public List<ReviewIssue> check(Path classesDir, Set<String> skip) {
    List<ReviewIssue> issues = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classesDir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        String rel = classesDir.relativize(f).toString().replace(java.io.File.separatorChar, '.');
        String name = rel.substring(0, rel.length() - ".class".length());
        String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
        if (skip.contains(outer)) {
          continue;
        }
        try {
          guard.apply(name, Files.readAllBytes(f));
        } catch (PolicyViolation v) {
          issues.add(
              new ReviewIssue(
                  Severity.CRITICAL,
                  0,
                  "Sandbox policy refuses " + name + ": " + v.getMessage(),
                  "Remove the refused call; reach the outside world only through tools"
                      + " (OrcaBridge.call).",
                  "policy"));
        }
      }
    } catch (IOException e) {
      throw OrcaException.transientFailure("Cannot read compiled classes: " + e.getMessage(), e);
    }
    return issues;
  }
}
