package dev.orca.skills.gate;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.TypeParameter;
import dev.orca.core.OrcaException;
import dev.orca.skills.store.SkillName;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a learned function's source into kernel snippets: its imports, its class (top-level
 * modifiers dropped, as JShell wants), and a top-level method with the function's name that
 * delegates to the class, so kernel code calls {@code parseDates(text)} directly.
 */
public final class KernelSnippets {

  private KernelSnippets() {}

  /**
   * The snippets that load a function into a kernel, in order.
   *
   * @param source the function's source
   * @param name the function's name
   * @return import snippets, the class, the delegate method
   */
  public static List<String> forFunction(String source, SkillName name) {
    CompilationUnit unit =
        JavaSources.parse(source)
            .unit()
            .orElseThrow(
                () -> OrcaException.invalid(name + " does not parse; run orca skills test"));
    List<String> snippets = new ArrayList<>();
    for (ImportDeclaration i : unit.getImports()) {
      snippets.add(i.toString().strip());
    }
    TypeDeclaration<?> type = unit.getType(0).clone();
    type.setModifiers(new NodeList<>());
    snippets.add(type.toString());
    snippets.add(delegate(unit, name));
    return snippets;
  }

  /**
   * The entry method's signature as kernel code sees it, e.g. {@code int add(int a, int b)}.
   *
   * @param unit the parsed source
   * @param name the function's name
   * @return the signature
   */
  public static String signature(CompilationUnit unit, SkillName name) {
    MethodDeclaration m = FormCheck.entryMethod(unit, name);
    return typeParams(m)
        + m.getType().asString()
        + " "
        + name.method()
        + "("
        + params(m, true)
        + ")";
  }

  private static String delegate(CompilationUnit unit, SkillName name) {
    MethodDeclaration m = FormCheck.entryMethod(unit, name);
    String throwsClause =
        m.getThrownExceptions().isEmpty()
            ? ""
            : " throws "
                + m.getThrownExceptions().stream()
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
    String call =
        name.className()
            + "."
            + name.method()
            + "("
            + m.getParameters().stream()
                .map(Parameter::getNameAsString)
                .collect(Collectors.joining(", "))
            + ")";
    boolean isVoid = m.getType().isVoidType();
    return "static "
        + typeParams(m)
        + m.getType().asString()
        + " "
        + name.method()
        + "("
        + params(m, true)
        + ")"
        + throwsClause
        + " { "
        + (isVoid ? "" : "return ")
        + call
        + "; }";
  }

  private static String typeParams(MethodDeclaration m) {
    NodeList<TypeParameter> tps = m.getTypeParameters();
    return tps.isEmpty()
        ? ""
        : "<" + tps.stream().map(TypeParameter::toString).collect(Collectors.joining(", ")) + "> ";
  }

  private static String params(MethodDeclaration m, boolean withTypes) {
    return m.getParameters().stream()
        .map(
            p ->
                withTypes
                    ? p.getType().asString()
                        + (p.isVarArgs() ? "..." : "")
                        + " "
                        + p.getNameAsString()
                    : p.getNameAsString())
        .collect(Collectors.joining(", "));
  }
}
