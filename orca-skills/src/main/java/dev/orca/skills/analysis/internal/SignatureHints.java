package dev.orca.skills.analysis.internal;

import dev.orca.skills.analysis.internal.CellNormalizer.Literal;
import dev.orca.skills.analysis.internal.CellNormalizer.Normalized;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A proposed signature for a function that replaces repeated cells: the values that differed
 * between the cells (literals, position by position) and the kernel variables they read become
 * parameters; literals that were the same every time stay constants; the result is what the cells
 * ended with. Types of kernel variables are not recorded in the history, so they are left to the
 * generator.
 */
public final class SignatureHints {

  private static final int MAX_VALUES = 5;
  private static final int MAX_VALUE_CHARS = 40;

  private SignatureHints() {}

  /**
   * The hint for a group of cells with the same fingerprint.
   *
   * @param name the proposed function name
   * @param cells the normalized cells, most recent last (at least one)
   * @return the signature on the first line, one line per parameter after it
   */
  public static String of(String name, List<Normalized> cells) {
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("no cells");
    }
    Normalized latest = cells.get(cells.size() - 1);
    List<Normalized> aligned = new ArrayList<>();
    for (Normalized c : cells) {
      if (c.fingerprint().equals(latest.fingerprint())
          && c.literals().size() == latest.literals().size()) {
        aligned.add(c);
      }
    }
    List<String> params = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, Integer> used = new HashMap<>();
    String returns;
    if (!latest.method().isEmpty()) {
      String m = latest.method();
      int open = m.indexOf('(');
      String head = m.substring(0, open).strip();
      String type = head.contains(" ") ? head.substring(0, head.lastIndexOf(' ')).strip() : "void";
      String own = m.substring(open + 1, m.lastIndexOf(')')).strip();
      if (!own.isEmpty()) {
        for (String p : own.split(",")) {
          params.add(p.strip());
          String[] words = p.strip().split("\\s+");
          used.put(words[words.length - 1], 1);
        }
      }
      returns = type;
      notes.add("the cells declared this method each time: " + m);
    } else if (!latest.value().isEmpty()) {
      returns = "the value of `" + latest.value() + "` (what the cells ended with)";
    } else {
      returns =
          "what the cells computed (they printed it or left it in a variable): return it instead";
    }
    for (String k : latest.kernelVariables()) {
      String n = unique(k, used);
      params.add("Object " + n);
      notes.add(
          n
              + ": a kernel variable the cells read (its type was not recorded: use the type the"
              + " cells use it as)");
    }
    List<String> constants = new ArrayList<>();
    for (int i = 0; i < latest.literals().size(); i++) {
      Set<String> values = new LinkedHashSet<>();
      for (Normalized c : aligned) {
        values.add(c.literals().get(i).text());
      }
      Literal l = latest.literals().get(i);
      if (values.size() > 1) {
        String n = unique(l.role(), used);
        params.add(l.type() + " " + n);
        notes.add(n + ": differed between the cells: " + shown(values));
      } else {
        constants.add(shorten(l.text()));
      }
    }
    StringBuilder b = new StringBuilder();
    b.append(name).append('(').append(String.join(", ", params)).append(") -> ").append(returns);
    notes.forEach(n -> b.append("\n  ").append(n));
    if (!constants.isEmpty()) {
      b.append("\n  the same in every cell (keep as constants): ")
          .append(String.join(", ", constants.subList(0, Math.min(8, constants.size()))))
          .append(constants.size() > 8 ? ", ..." : "");
    }
    return b.toString();
  }

  /** The hint for a tool sequence: which tools, in which order. */
  public static String ofTools(String name, List<String> tools) {
    return name
        + "(the arguments that differed between runs) -> the result of "
        + tools.get(tools.size() - 1)
        + "\n  calls, in order: "
        + String.join(", ", tools);
  }

  private static String unique(String base, Map<String, Integer> used) {
    int n = used.merge(base, 1, Integer::sum);
    return n == 1 ? base : base + n;
  }

  private static String shown(Set<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (out.size() == MAX_VALUES) {
        out.add("...");
        break;
      }
      out.add(shorten(v));
    }
    return String.join(", ", out);
  }

  private static String shorten(String v) {
    String one = v.replace('\n', ' ');
    return one.length() > MAX_VALUE_CHARS ? one.substring(0, MAX_VALUE_CHARS - 3) + "..." : one;
  }
}
