package dev.orca.kernel.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One case of the adversarial suite ({@code sandbox/cases.txt}).
 *
 * @param id unique name, e.g. {@code fs.read-etc-passwd}
 * @param category filesystem, network, process, escape, resources or legitimate
 * @param expectation {@code blocked}, {@code survives} or {@code ok:<text>}
 * @param code the cell (also a valid Java method body)
 */
record AttackCase(String id, String category, String expectation, String code) {

  private static final Pattern HEADER = Pattern.compile("^=== (\\S+) \\[(\\w+)\\] (.+)$");

  boolean blocked() {
    return expectation.equals("blocked");
  }

  boolean survives() {
    return expectation.equals("survives");
  }

  boolean legitimate() {
    return expectation.startsWith("ok:");
  }

  String expectedOutput() {
    return expectation.substring("ok:".length());
  }

  /** The code with its placeholders filled in. */
  String code(Map<String, String> values) {
    String out = code;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue());
    }
    return out.replace("${MARKER}", values.get("OUT") + "/" + id + ".marker");
  }

  @Override
  public String toString() {
    return id;
  }

  /** Reads every case from the classpath resource {@code sandbox/cases.txt}. */
  static List<AttackCase> load() {
    String text;
    try (InputStream in = AttackCase.class.getResourceAsStream("/sandbox/cases.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("cannot read sandbox/cases.txt", e);
    }
    List<AttackCase> cases = new ArrayList<>();
    String[] header = null;
    StringBuilder body = new StringBuilder();
    for (String line : (text + "\n=== end [end] end").split("\n")) {
      Matcher m = HEADER.matcher(line);
      if (m.matches()) {
        if (header != null) {
          cases.add(new AttackCase(header[0], header[1], header[2], body.toString().strip()));
        }
        header = new String[] {m.group(1), m.group(2), m.group(3)};
        body.setLength(0);
      } else if (header != null && !line.startsWith("#")) {
        body.append(line).append('\n');
      }
    }
    return cases;
  }
}
