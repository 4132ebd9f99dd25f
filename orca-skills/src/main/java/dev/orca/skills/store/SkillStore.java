package dev.orca.skills.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The learned skills on disk (DESIGN.md §2.2).
 *
 * <pre>
 * learned_skills/functions/ParseDates.java             the deployed source (human-editable)
 * learned_skills/tests/ParseDatesTest.java             its JUnit 5 tests
 * learned_skills/functions/versions/ParseDates/
 *     state.json                                       versions, statuses, hashes, gate results
 *     v2/ParseDates.java, v2/ParseDatesTest.java       every version's files
 *     v2/rounds/1/...                                  every generation round's artefacts
 * learned_skills/agents/&lt;name&gt;/                  agent.toml, Tools.java, prompts.md, README.md
 * learned_skills/agents/&lt;name&gt;/versions/          state.json and v1/, v2/, …
 * </pre>
 */
public final class SkillStore {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final OrcaHome home;

  /**
   * Creates a store on a home (whose layout is created if missing).
   *
   * @param home the Orca home
   */
  public SkillStore(OrcaHome home) {
    this.home = home.create();
  }

  /** The home. */
  public OrcaHome home() {
    return home;
  }

  /** {@code learned_skills/functions/Name.java}. */
  public Path functionFile(SkillName name) {
    return home.functionsDir().resolve(name.className() + ".java");
  }

  /** {@code learned_skills/tests/NameTest.java}. */
  public Path testFile(SkillName name) {
    return home.testsDir().resolve(name.testClassName() + ".java");
  }

  /** Where a function's versions and state live. */
  public Path functionVersionsDir(SkillName name) {
    return home.functionsDir().resolve("versions").resolve(name.className());
  }

  /** {@code learned_skills/agents/<name>/}. */
  public Path agentDir(String name) {
    return home.agentsDir().resolve(name);
  }

  /** Where an agent's versions and state live. */
  public Path agentVersionsDir(String name) {
    return agentDir(name).resolve("versions");
  }

  /** The directory of one version. */
  public Path versionDir(SkillKind kind, String name, int version) {
    return versionsDir(kind, name).resolve("v" + version);
  }

  /** The directory of one generation round of a version. */
  public Path roundDir(SkillKind kind, String name, int version, int round) {
    return versionDir(kind, name, version).resolve("rounds").resolve(Integer.toString(round));
  }

  private Path versionsDir(SkillKind kind, String name) {
    return kind == SkillKind.FUNCTION
        ? functionVersionsDir(SkillName.of(name))
        : agentVersionsDir(name);
  }

  /**
   * Reads a skill's state.
   *
   * @param kind function or agent
   * @param name its name
   * @return the state, or empty when the skill was never generated
   */
  public Optional<SkillState> state(SkillKind kind, String name) {
    Path f = versionsDir(kind, name).resolve("state.json");
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(f.toFile(), SkillState.class));
    } catch (IOException e) {
      throw OrcaException.invalid(
          "The skill record " + f + " is damaged (" + e.getMessage() + "); restore or delete it.");
    }
  }

  /**
   * Saves a skill's state.
   *
   * @param state the state
   */
  public void save(SkillState state) {
    Path f = versionsDir(state.kind(), state.name()).resolve("state.json");
    try {
      Files.createDirectories(f.getParent());
      Path tmp = f.resolveSibling("state.json.tmp");
      JSON.writeValue(tmp.toFile(), state);
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw OrcaException.transientFailure("Cannot write " + f + ": " + e.getMessage(), e);
    }
  }

  /** Names of all learned functions: deployed files and generated ones, sorted. */
  public List<SkillName> functionNames() {
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> s = Files.list(home.functionsDir())) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".java"))
          .forEach(n -> names.add(n.substring(0, n.length() - 5)));
    } catch (IOException e) {
      throw OrcaException.transientFailure("Cannot list learned functions: " + e.getMessage(), e);
    }
    Path versions = home.functionsDir().resolve("versions");
    if (Files.isDirectory(versions)) {
      try (Stream<Path> s = Files.list(versions)) {
        s.filter(p -> Files.isRegularFile(p.resolve("state.json")))
            .forEach(p -> names.add(p.getFileName().toString()));
      } catch (IOException e) {
        throw OrcaException.transientFailure("Cannot list versions: " + e.getMessage(), e);
      }
    }
    return names.stream()
        .flatMap(
            n -> {
              try {
                return Stream.of(SkillName.of(n));
              } catch (OrcaException e) {
                return Stream.empty();
              }
            })
        .toList();
  }

  /** Names of all learned agents (directories under {@code learned_skills/agents/}), sorted. */
  public List<String> agentNames() {
    try (Stream<Path> s = Files.list(home.agentsDir())) {
      return s.filter(Files::isDirectory)
          .filter(
              p ->
                  Files.exists(p.resolve("agent.toml"))
                      || Files.exists(p.resolve("versions").resolve("state.json")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw OrcaException.transientFailure("Cannot list learned agents: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a text file, creating directories.
   *
   * @param file the file
   * @param text its content
   */
  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw OrcaException.transientFailure("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a text file.
   *
   * @param file the file
   * @return its content, or empty when it does not exist
   */
  public static Optional<String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw OrcaException.transientFailure("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The sha256 of a text, as {@code sha256:hex}.
   *
   * @param text the text
   * @return the hash
   */
  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return "sha256:" + HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
