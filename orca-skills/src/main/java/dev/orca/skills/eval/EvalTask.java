package dev.orca.skills.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orca.core.OrcaException;
import dev.orca.skills.generate.FunctionRequest;
import dev.orca.skills.store.SkillName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One function-generation task of {@code orca eval skills}: the request a model sees and the hidden
 * JUnit 5 tests it never sees, run against what it generated.
 *
 * @param name the function's name
 * @param category data, text, dates, json or tables
 * @param description what to write
 * @param examples examples given to the generator
 * @param hiddenTest the reference test class (named after the function's class plus {@code Test})
 */
public record EvalTask(
    SkillName name, String category, String description, List<String> examples, String hiddenTest) {

  private static final String BASE = "/dev/orca/skills/eval/";

  /** Validates and copies. */
  public EvalTask {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(description, "description");
    examples = List.copyOf(examples);
    Objects.requireNonNull(hiddenTest, "hiddenTest");
  }

  /** The request the generator sees. */
  public FunctionRequest request() {
    List<JsonNode> ex = new ArrayList<>();
    examples.forEach(e -> ex.add(TextNode.valueOf(e)));
    return new FunctionRequest(name, description, ex);
  }

  /** Every task of the harness, in file order. */
  public static List<EvalTask> all() {
    List<EvalTask> tasks = new ArrayList<>();
    for (String line : resource("tasks.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 4) {
        throw OrcaException.configuration("Bad eval task line (4 tab-separated fields): " + line);
      }
      SkillName n = new SkillName(f[0]);
      tasks.add(
          new EvalTask(
              n,
              f[1],
              f[2],
              List.of(f[3].split(" ;; ")),
              resource("hidden/" + n.testClassName() + ".java")));
    }
    return tasks;
  }

  private static String resource(String path) {
    try (InputStream in = EvalTask.class.getResourceAsStream(BASE + path)) {
      if (in == null) {
        throw OrcaException.configuration("Missing eval resource " + BASE + path + ".");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw OrcaException.configuration(
          "Cannot read eval resource " + path + ": " + e.getMessage());
    }
  }
}
