package dev.orca.skills.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The header every generated file starts with (DESIGN.md §2.2): name, version, created and updated
 * time, generator and the hash of the request that produced it. Written as line comments so that
 * formatters and compilers leave it alone:
 *
 * <pre>
 * // Orca learned skill
 * // name: parseDates
 * // version: 2
 * // created: 2026-11-26T10:00:00Z
 * // updated: 2026-11-26T10:05:00Z
 * // generator: code_generator (openai:gpt-4o-mini)
 * // request: sha256:3f2a…
 * </pre>
 *
 * @param name the skill's name
 * @param version its version, from 1
 * @param created when version 1 was made
 * @param updated when this version was made
 * @param generator who wrote it: a sub-agent and its model, or {@code human}
 * @param requestHash {@code sha256:} of the request (name, description, examples)
 */
public record SkillHeader(
    String name,
    int version,
    Instant created,
    Instant updated,
    String generator,
    String requestHash) {

  /** First line of every header. */
  public static final String MARKER = "// Orca learned skill";

  /** Validates. */
  public SkillHeader {
    Objects.requireNonNull(name, "name");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1: " + version);
    }
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(updated, "updated");
    generator = generator == null || generator.isBlank() ? "unknown" : generator.strip();
    requestHash = requestHash == null ? "" : requestHash.strip();
  }

  /** The header as comment lines, ending with a newline. */
  public String render() {
    return MARKER
        + "\n// name: "
        + name
        + "\n// version: "
        + version
        + "\n// created: "
        + created
        + "\n// updated: "
        + updated
        + "\n// generator: "
        + generator.replace('\n', ' ')
        + "\n// request: "
        + requestHash
        + "\n";
  }

  /**
   * Puts this header on top of a source, replacing an Orca header it already has.
   *
   * @param source a Java source, with or without a header
   * @return the source with this header
   */
  public String applyTo(String source) {
    return render() + stripFrom(source);
  }

  /**
   * Removes a leading Orca header (and blank lines after it) from a source.
   *
   * @param source a Java source
   * @return the source without the header
   */
  public static String stripFrom(String source) {
    String s = source.replace("\r\n", "\n");
    if (!s.startsWith(MARKER)) {
      return s.stripLeading();
    }
    int i = 0;
    while (i < s.length()) {
      int end = s.indexOf('\n', i);
      String line = end < 0 ? s.substring(i) : s.substring(i, end);
      if (!line.startsWith("//")) {
        break;
      }
      i = end < 0 ? s.length() : end + 1;
    }
    return s.substring(i).stripLeading();
  }

  /**
   * Reads the header of a source.
   *
   * @param source a Java source (or a Markdown/TOML file whose header uses {@code #} comments)
   * @return the header, or {@code null} when the source has none or it is incomplete
   */
  public static SkillHeader parse(String source) {
    Map<String, String> fields = new LinkedHashMap<>();
    boolean started = false;
    for (String raw : source.replace("\r\n", "\n").split("\n", -1)) {
      String line = raw.strip();
      String body;
      if (line.startsWith("//")) {
        body = line.substring(2).strip();
      } else if (line.startsWith("#") && !line.startsWith("##")) {
        body = line.substring(1).strip();
      } else if (line.startsWith("<!--")) {
        body = line.replace("<!--", "").replace("-->", "").strip();
      } else {
        break;
      }
      if (body.equals("Orca learned skill")) {
        started = true;
        continue;
      }
      int colon = body.indexOf(':');
      if (started && colon > 0) {
        fields.put(body.substring(0, colon).strip(), body.substring(colon + 1).strip());
      }
    }
    if (!started || !fields.containsKey("name") || !fields.containsKey("version")) {
      return null;
    }
    try {
      return new SkillHeader(
          fields.get("name"),
          Integer.parseInt(fields.get("version")),
          Instant.parse(fields.getOrDefault("created", Instant.EPOCH.toString())),
          Instant.parse(fields.getOrDefault("updated", Instant.EPOCH.toString())),
          fields.get("generator"),
          fields.get("request"));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
