package dev.orca.skills.gate;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.orca.skills.ReviewIssue;
import dev.orca.skills.Severity;
import dev.orca.skills.store.SkillName;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the form of a learned function: no package, one top-level {@code public final class} named
 * after the function, holding exactly one {@code public static} method with the function's name
 * (private helpers allowed). This form compiles with javac for its tests and loads into the kernel
 * as snippets.
 */
public final class FormCheck {

  private FormCheck() {}

  /**
   * Checks a parsed function source.
   *
   * @param unit the source's tree
   * @param name the function's name
   * @return critical issues when the form is wrong, empty when right
   */
  public static List<ReviewIssue> check(CompilationUnit unit, SkillName name) {
    List<ReviewIssue> issues = new ArrayList<>();
    if (unit.getPackageDeclaration().isPresent()) {
      issues.add(
          issue("Remove the package declaration: learned functions use the default package."));
    }
    List<TypeDeclaration<?>> types = unit.getTypes();
    if (types.size() != 1) {
      issues.add(
          issue(
              "Write exactly one top-level class, public final class "
                  + name.className()
                  + "; found "
                  + types.size()
                  + " top-level types."));
      return issues;
    }
    if (!(types.get(0) instanceof ClassOrInterfaceDeclaration c) || c.isInterface()) {
      issues.add(issue("The top-level type must be a class named " + name.className() + "."));
      return issues;
    }
    if (!c.getNameAsString().equals(name.className())) {
      issues.add(
          issue(
              "The class must be named "
                  + name.className()
                  + " (after the function), not "
                  + c.getNameAsString()
                  + "."));
    }
    if (!c.hasModifier(Modifier.Keyword.PUBLIC) || !c.hasModifier(Modifier.Keyword.FINAL)) {
      issues.add(issue("Declare the class as public final class " + name.className() + "."));
    }
    List<MethodDeclaration> entry = new ArrayList<>();
    for (MethodDeclaration m : c.getMethods()) {
      if (m.isPublic() && m.isStatic()) {
        entry.add(m);
      }
    }
    long named = entry.stream().filter(m -> m.getNameAsString().equals(name.method())).count();
    if (named != 1 || entry.size() != 1) {
      issues.add(
          issue(
              "The class must have exactly one public static method, named "
                  + name.method()
                  + " (found "
                  + entry.stream().map(MethodDeclaration::getNameAsString).toList()
                  + "); make helpers private."));
    }
    return issues;
  }

  /**
   * The function's entry method, when the form is right.
   *
   * @param unit the source's tree
   * @param name the function's name
   * @return the public static method
   */
  public static MethodDeclaration entryMethod(CompilationUnit unit, SkillName name) {
    return unit.getClassByName(name.className())
        .flatMap(
            c ->
                c.getMethodsByName(name.method()).stream()
                    .filter(m -> m.isPublic() && m.isStatic())
                    .findFirst())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no public static " + name.method() + " in " + name.className()));
  }

  private static ReviewIssue issue(String message) {
    return new ReviewIssue(Severity.CRITICAL, 0, message, "", "form");
  }
}
