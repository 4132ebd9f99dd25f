package dev.orca.skills.analysis.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.orca.skills.analysis.internal.CellNormalizer.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * What a parsed cell says about the function it could become: its literals (the values that may
 * become parameters) with a name suggested by where each is used, the expression it ends with (its
 * result), and the method it declares. Read before names and literals are abstracted.
 */
final class CellParts {

  /** The variable a cell's final bare expression is parsed into. */
  static final String VALUE = "__value";

  /** Static factories whose argument is named after their type: {@code Path.of} → path. */
  private static final Set<String> FACTORIES =
      Set.of("of", "parse", "valueOf", "get", "from", "ofPattern", "compile", "create");

  private CellParts() {}

  /** The source of the expression the cell ends with, or empty. */
  static String value(Node root) {
    if (!(root instanceof BlockStmt block)) {
      return "";
    }
    for (Statement s : block.getStatements()) {
      if (s instanceof ExpressionStmt es) {
        for (VariableDeclarator v : es.findAll(VariableDeclarator.class)) {
          if (v.getNameAsString().equals(VALUE)) {
            return v.getInitializer().map(Expression::toString).orElse("");
          }
        }
      }
    }
    return "";
  }

  /** The declaration of the only member of a cell that is one method, or empty. */
  static String method(Node root) {
    if (root instanceof TypeDeclaration<?> t && t.getMembers().size() == 1) {
      BodyDeclaration<?> member = t.getMember(0);
      if (member instanceof MethodDeclaration m) {
        return m.getDeclarationAsString(false, false, true);
      }
    }
    return "";
  }

  /** The literals in tree order (the order of the normalized form), with suggested names. */
  static List<Literal> literals(Node root) {
    List<Literal> out = new ArrayList<>();
    for (LiteralExpr l : root.findAll(LiteralExpr.class)) {
      String type = type(l);
      if (type != null) {
        out.add(new Literal(type, l.toString(), role(l, type)));
      }
    }
    return out;
  }

  /** A number token of a cell that did not parse. */
  static Literal number(String token) {
    char last = Character.toLowerCase(token.charAt(token.length() - 1));
    String type =
        last == 'l'
            ? "long"
            : last == 'f' ? "float" : last == 'd' || token.contains(".") ? "double" : "int";
    return new Literal(type, token, "number");
  }

  private static String type(LiteralExpr l) {
    if (l instanceof StringLiteralExpr || l instanceof TextBlockLiteralExpr) {
      return "String";
    } else if (l instanceof IntegerLiteralExpr) {
      return "int";
    } else if (l instanceof LongLiteralExpr) {
      return "long";
    } else if (l instanceof DoubleLiteralExpr d) {
      return d.getValue().toLowerCase(Locale.ROOT).endsWith("f") ? "float" : "double";
    } else if (l instanceof CharLiteralExpr) {
      return "char";
    } else if (l instanceof BooleanLiteralExpr) {
      return "boolean";
    }
    return null; // null literal: never a parameter
  }

  /** The position of an argument by identity (nodes compare equal by structure). */
  private static int argumentIndex(MethodCallExpr call, Node arg) {
    for (int i = 0; i < call.getArguments().size(); i++) {
      if (call.getArgument(i) == arg) {
        return i;
      }
    }
    return -1;
  }

  private static String role(LiteralExpr l, String type) {
    Node parent = l.getParentNode().orElse(null);
    int at = parent instanceof MethodCallExpr c ? argumentIndex(c, l) : -1;
    if (at >= 0) {
      MethodCallExpr call = (MethodCallExpr) parent;
      String method = call.getNameAsString();
      // Map.of("q", "bug"): the value is named after its key.
      if (method.equals("of") || method.equals("entry")) {
        if (at % 2 == 1 && call.getArgument(at - 1) instanceof StringLiteralExpr key) {
          String k = key.getValue();
          if (SourceVersion.isIdentifier(k) && !SourceVersion.isKeyword(k)) {
            return k;
          }
        }
      }
      if (call.getScope().orElse(null) instanceof NameExpr scope
          && Character.isUpperCase(scope.getNameAsString().charAt(0))
          && FACTORIES.contains(method)
          && !scope.getNameAsString().equals("Map")) {
        String t = scope.getNameAsString();
        return Character.toLowerCase(t.charAt(0)) + t.substring(1);
      }
      return method + "Arg";
    }
    if (parent instanceof ArrayAccessExpr a && a.getIndex() == l) {
      return "index";
    }
    return switch (type) {
      case "String" -> "text";
      case "char" -> "ch";
      case "boolean" -> "flag";
      default -> "number";
    };
  }
}
