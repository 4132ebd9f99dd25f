package dev.orca.skills.analysis.internal;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Normalizes a kernel cell so that the same work written twice gets the same fingerprint.
 *
 * <ul>
 *   <li>Names the cell declares (variables, parameters, methods, types) become {@code v0, v1, …},
 *       {@code m0, …}, {@code T0, …} in order of appearance; kernel variables it uses without
 *       declaring become {@code k0, k1, …}. Library names ({@code Files.readString}, {@code
 *       filter}) are kept: calling different APIs is different work.
 *   <li>Literals become placeholders of their kind ({@code "S"}, {@code 0}, {@code 0.0}, …).
 *   <li>Adjacent local declarations that do not depend on each other (no shared variable written by
 *       one and read or called on by the other) are put into a canonical order.
 *   <li>Comments and layout are dropped.
 * </ul>
 *
 * Cells that do not parse (JShell accepts some things plain Java does not) fall back to a token
 * normalization with the same rules for names and literals. Thread-safe.
 */
public final class CellNormalizer {

  /** Version of the normalization, part of every fingerprint: bump when the rules change. */
  public static final String VERSION = "n1";

  private static final Pattern TOKEN =
      Pattern.compile(
          "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])+'"
              + "|\\b\\d[\\d_]*(?:\\.\\d+)?[lLdDfF]?\\b|[A-Za-z_$][A-Za-z0-9_$]*|\\S");

  private static final Pattern IMPORT =
      Pattern.compile("(?m)^\\s*import\\s+((?:static\\s+)?[\\w.]+(?:\\.\\*)?)\\s*;");

  /** Calls that change their receiver: statements making them on one variable keep their order. */
  private static final Set<String> MUTATORS =
      Set.of(
          "add",
          "addAll",
          "remove",
          "removeIf",
          "removeAll",
          "retainAll",
          "clear",
          "put",
          "putAll",
          "putIfAbsent",
          "merge",
          "compute",
          "computeIfAbsent",
          "computeIfPresent",
          "replace",
          "replaceAll",
          "set",
          "sort",
          "poll",
          "pollFirst",
          "pollLast",
          "pop",
          "push",
          "offer",
          "take",
          "next",
          "nextLine",
          "nextInt",
          "read",
          "readLine",
          "write",
          "append",
          "insert",
          "delete",
          "reverse",
          "incrementAndGet",
          "getAndIncrement",
          "addAndGet",
          "shuffle",
          "close",
          "flush",
          "skip",
          "reset",
          "update",
          "addColumns",
          "removeColumns",
          "addRow",
          "setName");

  /** Words that are never names: Java's keywords and literals, and its restricted identifiers. */
  private static boolean isKeyword(String word) {
    return SourceVersion.isKeyword(word) || RESTRICTED.contains(word);
  }

  private static final Set<String> RESTRICTED = Set.of("var", "record", "yield");

  private final ThreadLocal<JavaParser> parser =
      ThreadLocal.withInitial(
          () ->
              new JavaParser(
                  new ParserConfiguration()
                      .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                      .setAttributeComments(false)));

  /**
   * A normalized cell.
   *
   * @param fingerprint {@code n1:} plus 16 hex digits of the normalized text's SHA-256
   * @param normalized the normalized text
   * @param size the number of syntax nodes (or tokens, when it did not parse): small cells are not
   *     worth a function
   * @param calls library methods the cell calls, in order (for naming suggestions)
   * @param parsed whether the cell parsed as Java
   * @param literals the cell's literals as written, in the order of the normalized form: cells with
   *     the same fingerprint have the same number of literals, position by position
   * @param kernelVariables the kernel variables the cell reads without declaring them, by their
   *     names in this cell, in the order of their placeholders ({@code k0}, {@code k1}, …)
   * @param value the source of the expression the cell ends with (its JShell value), or empty
   * @param method the declaration of the one method the cell declares ({@code int score(String
   *     s)}), or empty when it declares none or several
   */
  public record Normalized(
      String fingerprint,
      String normalized,
      int size,
      List<String> calls,
      boolean parsed,
      List<Literal> literals,
      List<String> kernelVariables,
      String value,
      String method) {

    /** Copies. */
    public Normalized {
      calls = List.copyOf(calls);
      literals = List.copyOf(literals);
      kernelVariables = List.copyOf(kernelVariables);
    }
  }

  /**
   * A literal of a cell as written.
   *
   * @param type its Java type ({@code String}, {@code int}, {@code long}, {@code double}, {@code
   *     float}, {@code char} or {@code boolean})
   * @param text its source text ({@code "sales.csv"}, {@code 2})
   * @param role a parameter name suggested by where it is used ({@code path} for {@code
   *     Path.of("...")}, {@code splitArg} for {@code s.split(",")}), else one by its type
   */
  public record Literal(String type, String text, String role) {}

  /**
   * Normalizes a cell.
   *
   * @param code the cell's source
   * @return its normalized form and fingerprint
   */
  public Normalized normalize(String code) {
    List<String> imports = new ArrayList<>();
    Matcher im = IMPORT.matcher(code);
    StringBuilder rest = new StringBuilder();
    while (im.find()) {
      imports.add(im.group(1).replaceAll("\\s+", ""));
      im.appendReplacement(rest, "");
    }
    im.appendTail(rest);
    String src = rest.toString().strip();
    Node root = parse(src);
    if (root == null) {
      return tokens(code.strip());
    }
    root.getAllContainedComments().forEach(Comment::remove);
    reorder(root);
    String value = CellParts.value(root);
    String method = CellParts.method(root);
    List<Literal> literals = CellParts.literals(root);
    List<String> calls = new ArrayList<>();
    List<String> kernelVariables = rename(root, calls);
    abstractLiterals(root);
    StringBuilder text = new StringBuilder();
    imports.stream().sorted().forEach(i -> text.append("import ").append(i).append("; "));
    text.append(root.toString().replaceAll("\\s+", " ").strip());
    int size = root.findAll(Node.class).size() + imports.size();
    String normalized = text.toString();
    return new Normalized(
        fingerprint(normalized),
        normalized,
        size,
        calls,
        true,
        literals,
        kernelVariables,
        value,
        method);
  }

  private Node parse(String src) {
    JavaParser p = parser.get();
    BlockStmt block = block(p, src);
    if (block != null) {
      return block;
    }
    // JShell cells may end with a bare expression ("total * 2"): make it a declaration.
    if (!src.endsWith(";") && !src.endsWith("}")) {
      int tries = 0;
      for (int i = src.length() - 1; i >= -1 && tries < 4; i--) {
        if (i == -1 || src.charAt(i) == ';' || src.charAt(i) == '}') {
          tries++;
          String head = src.substring(0, i + 1);
          String tail = src.substring(i + 1).strip();
          if (!tail.isEmpty()) {
            block = block(p, head + "\nvar " + CellParts.VALUE + " = " + tail + ";");
            if (block != null) {
              return block;
            }
          }
        }
      }
    }
    ParseResult<CompilationUnit> unit = p.parse("class __Cell {\n" + src + "\n}");
    if (unit.isSuccessful() && unit.getResult().isPresent()) {
      CompilationUnit cu = unit.getResult().get();
      if (cu.getTypes().size() == 1) {
        return cu.getType(0);
      }
    }
    return null;
  }

  private static BlockStmt block(JavaParser p, String src) {
    ParseResult<BlockStmt> block = p.parseBlock("{\n" + src + "\n}");
    return block.isSuccessful() ? block.getResult().orElse(null) : null;
  }

  // ------------------------------------------------------------------ ordering

  private static void reorder(Node root) {
    // Innermost blocks first: an outer block copies its statements with their inner blocks done.
    List<BlockStmt> blocks = new ArrayList<>(root.findAll(BlockStmt.class));
    Collections.reverse(blocks);
    for (BlockStmt block : blocks) {
      NodeList<Statement> stmts = block.getStatements();
      List<Statement> out = new ArrayList<>();
      int i = 0;
      while (i < stmts.size()) {
        if (!reorderable(stmts.get(i))) {
          out.add(stmts.get(i));
          i++;
          continue;
        }
        int j = i;
        while (j < stmts.size() && reorderable(stmts.get(j))) {
          j++;
        }
        out.addAll(
            canonicalOrder(new ArrayList<>(stmts.subList(i, j)), stmts.subList(j, stmts.size())));
        i = j;
      }
      NodeList<Statement> replaced = new NodeList<>();
      for (Statement s : out) {
        replaced.add(s.clone());
      }
      block.setStatements(replaced);
    }
  }

  private static boolean reorderable(Statement s) {
    if (!(s instanceof ExpressionStmt es)) {
      return false;
    }
    if (es.getExpression() instanceof VariableDeclarationExpr) {
      return true;
    }
    return es.getExpression() instanceof AssignExpr a && a.getTarget() instanceof NameExpr;
  }

  /** Topological order of the run, ties broken by each statement's name-free shape. */
  private static List<Statement> canonicalOrder(List<Statement> run, List<Statement> after) {
    int n = run.size();
    if (n < 2) {
      return run;
    }
    // Where two statements have the same shape, the one whose result is used first goes first.
    Map<String, Integer> firstUse = new HashMap<>();
    List<Statement> rest = new ArrayList<>(run);
    rest.addAll(after);
    for (Statement s : rest) {
      for (NameExpr e : s.findAll(NameExpr.class)) {
        firstUse.putIfAbsent(e.getNameAsString(), firstUse.size());
      }
    }
    List<Set<String>> writes = new ArrayList<>();
    List<Set<String>> names = new ArrayList<>();
    List<String> shapes = new ArrayList<>();
    for (Statement s : run) {
      Set<String> w = new HashSet<>();
      Set<String> all = new HashSet<>();
      s.findAll(VariableDeclarator.class).forEach(v -> w.add(v.getNameAsString()));
      s.findAll(AssignExpr.class)
          .forEach(
              a -> {
                if (a.getTarget() instanceof NameExpr ne) {
                  w.add(ne.getNameAsString());
                }
              });
      // A mutating method called on a variable changes it.
      s.findAll(MethodCallExpr.class).stream()
          .filter(m -> MUTATORS.contains(m.getNameAsString()))
          .forEach(
              m ->
                  m.getScope()
                      .filter(NameExpr.class::isInstance)
                      .map(e -> ((NameExpr) e).getNameAsString())
                      .filter(CellNormalizer::looksLikeVariable)
                      .ifPresent(w::add));
      s.findAll(NameExpr.class).forEach(e -> all.add(e.getNameAsString()));
      all.addAll(w);
      writes.add(w);
      names.add(all);
      int use = Integer.MAX_VALUE;
      for (String name : w) {
        use = Math.min(use, firstUse.getOrDefault(name, Integer.MAX_VALUE));
      }
      shapes.add(shape(s) + String.format("\u0000%010d", use));
    }
    boolean[][] before = new boolean[n][n];
    int[] indegree = new int[n];
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (intersects(writes.get(a), names.get(b)) || intersects(writes.get(b), names.get(a))) {
          before[a][b] = true;
          indegree[b]++;
        }
      }
    }
    List<Statement> out = new ArrayList<>();
    boolean[] done = new boolean[n];
    for (int k = 0; k < n; k++) {
      int pick = -1;
      for (int c = 0; c < n; c++) {
        if (!done[c]
            && indegree[c] == 0
            && (pick < 0 || shapes.get(c).compareTo(shapes.get(pick)) < 0)) {
          pick = c;
        }
      }
      done[pick] = true;
      out.add(run.get(pick));
      for (int b = 0; b < n; b++) {
        if (before[pick][b]) {
          indegree[b]--;
        }
      }
    }
    return out;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String x : a) {
      if (b.contains(x)) {
        return true;
      }
    }
    return false;
  }

  private static String shape(Statement s) {
    Statement copy = s.clone();
    copy.findAll(NameExpr.class)
        .forEach(
            e -> e.setName(looksLikeVariable(e.getNameAsString()) ? "_" : e.getNameAsString()));
    copy.findAll(VariableDeclarator.class).forEach(v -> v.setName("_"));
    copy.findAll(Parameter.class).forEach(p -> p.setName("_"));
    abstractLiterals(copy);
    return copy.toString();
  }

  // ------------------------------------------------------------------ names

  /** Renames; returns the kernel variables' original names in the order of their placeholders. */
  private static List<String> rename(Node root, List<String> calls) {
    Map<String, String> declared = new HashMap<>();
    Map<String, String> kernel = new HashMap<>();
    Map<String, String> methods = new HashMap<>();
    Map<String, String> types = new HashMap<>();
    List<Map.Entry<Integer, String>> callOrder = new ArrayList<>();
    // Declarations first, in source order, so uses before a declaration in a nested scope agree.
    for (Node node : root.findAll(Node.class)) {
      if (node instanceof VariableDeclarator v) {
        declared.computeIfAbsent(v.getNameAsString(), k -> "v" + declared.size());
      } else if (node instanceof Parameter p) {
        declared.computeIfAbsent(p.getNameAsString(), k -> "v" + declared.size());
      } else if (node instanceof MethodDeclaration m) {
        methods.computeIfAbsent(m.getNameAsString(), k -> "m" + methods.size());
      } else if (node instanceof TypeDeclaration<?> t && !t.getNameAsString().equals("__Cell")) {
        types.computeIfAbsent(t.getNameAsString(), k -> "T" + types.size());
      }
    }
    for (Node node : root.findAll(Node.class)) {
      if (node instanceof VariableDeclarator v) {
        v.setName(declared.get(v.getNameAsString()));
      } else if (node instanceof Parameter p) {
        p.setName(declared.get(p.getNameAsString()));
      } else if (node instanceof NameExpr e) {
        String name = e.getNameAsString();
        if (declared.containsKey(name)) {
          e.setName(declared.get(name));
        } else if (types.containsKey(name)) {
          e.setName(types.get(name));
        } else if (looksLikeVariable(name)) {
          e.setName(kernel.computeIfAbsent(name, k -> "k" + kernel.size()));
        }
      } else if (node instanceof MethodDeclaration m) {
        m.setName(methods.get(m.getNameAsString()));
      } else if (node instanceof MethodCallExpr call) {
        String name = call.getNameAsString();
        if (call.getScope().isEmpty() && methods.containsKey(name)) {
          call.setName(methods.get(name));
        } else {
          int pos =
              call.getName()
                  .getBegin()
                  .map(b -> b.line * 10_000 + b.column)
                  .orElse(callOrder.size());
          callOrder.add(Map.entry(pos, name));
        }
      } else if (node instanceof ClassOrInterfaceType t && types.containsKey(t.getNameAsString())) {
        t.setName(types.get(t.getNameAsString()));
      } else if (node instanceof TypeDeclaration<?> t && types.containsKey(t.getNameAsString())) {
        t.setName(types.get(t.getNameAsString()));
      }
    }
    callOrder.stream()
        .sorted(Map.Entry.comparingByKey())
        .limit(16)
        .forEach(e -> calls.add(e.getValue()));
    String[] kernelNames = new String[kernel.size()];
    kernel.forEach((original, placeholder) -> kernelNames[index(placeholder)] = original);
    return List.of(kernelNames);
  }

  private static int index(String placeholder) {
    return Integer.parseInt(placeholder.substring(1));
  }

  private static boolean looksLikeVariable(String name) {
    return !name.isEmpty() && Character.isLowerCase(name.charAt(0));
  }

  // ------------------------------------------------------------------ literals

  private static void abstractLiterals(Node root) {
    root.findAll(StringLiteralExpr.class).forEach(l -> l.setValue("S"));
    root.findAll(TextBlockLiteralExpr.class).forEach(l -> l.replace(new StringLiteralExpr("S")));
    root.findAll(IntegerLiteralExpr.class).forEach(l -> l.setValue("0"));
    root.findAll(LongLiteralExpr.class).forEach(l -> l.setValue("0L"));
    root.findAll(DoubleLiteralExpr.class).forEach(l -> l.setValue("0.0"));
    root.findAll(CharLiteralExpr.class).forEach(l -> l.setValue("c"));
    root.findAll(BooleanLiteralExpr.class).forEach(l -> l.setValue(false));
  }

  // ------------------------------------------------------------------ fallback

  private static Normalized tokens(String src) {
    Map<String, String> names = new HashMap<>();
    Set<String> calls = new LinkedHashSet<>();
    StringBuilder sb = new StringBuilder();
    Matcher m = TOKEN.matcher(src);
    List<String> toks = new ArrayList<>();
    while (m.find()) {
      toks.add(m.group());
    }
    List<Literal> literals = new ArrayList<>();
    for (int i = 0; i < toks.size(); i++) {
      String t = toks.get(i);
      String out;
      char c = t.charAt(0);
      if (c == '"') {
        out = "\"S\"";
        literals.add(new Literal("String", t, "text"));
      } else if (c == '\'') {
        out = "'c'";
        literals.add(new Literal("char", t, "ch"));
      } else if (Character.isDigit(c)) {
        out = "0";
        literals.add(CellParts.number(t));
      } else if (Character.isJavaIdentifierStart(c) && !isKeyword(t)) {
        boolean member = i > 0 && toks.get(i - 1).equals(".");
        boolean call = i + 1 < toks.size() && toks.get(i + 1).equals("(");
        if (member || !looksLikeVariable(t)) {
          out = t;
          if (call) {
            calls.add(t);
          }
        } else if (call) {
          out = t;
          calls.add(t);
        } else {
          out = names.computeIfAbsent(t, k -> "v" + names.size());
        }
      } else {
        out = t;
      }
      sb.append(out).append(' ');
    }
    String text = sb.toString().strip();
    return new Normalized(
        fingerprint(text),
        text,
        toks.size(),
        List.copyOf(calls),
        false,
        literals,
        List.of(),
        "",
        "");
  }

  private static String fingerprint(String normalized) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
      return VERSION + ":" + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
